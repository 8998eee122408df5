using System.Globalization;
using Bot.Core.Community;
using Bot.Core.Messaging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace Bot.Adapters.Telegram;

/// <summary>
/// The daily group post for Core's community dispatcher: the invitation with its deep-link button. Telegram posts have no
/// "I'm okay today" button, so they never carry a count.
/// </summary>
public sealed class TelegramCommunityChannelPoster(ITelegramBotClient bot, TelegramBotIdentity identity) : ICommunityPoster
{
    public Platform Platform => Platform.Telegram;

    public async Task<SendResult> PostAsync(ChatAddress channel, CommunityPost post, string idempotencyKey, CancellationToken cancellationToken)
    {
        if (!long.TryParse(channel.ChatId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var groupChatId))
        {
            return SendResult.Refused("not a Telegram chat id");
        }

        if (identity.Username is null)
        {
            return SendResult.Later(TimeSpan.FromMinutes(1), "bot username not known yet");
        }

        var (html, keyboard) = TelegramCommunityPost.Render(identity.CheckInDeepLink(), TelegramCopy.English);
        try
        {
            await bot.SendMessage(groupChatId, html, ParseMode.Html, replyMarkup: keyboard, cancellationToken: cancellationToken);
            return SendResult.Sent;
        }
        catch (ApiRequestException ex) when (ex.ErrorCode == 429)
        {
            return SendResult.RateLimited(TimeSpan.FromSeconds(ex.Parameters?.RetryAfter ?? 1));
        }
        catch (ApiRequestException ex) when (ex.ErrorCode is 400 or 403)
        {
            return SendResult.NotReachable($"telegram {ex.ErrorCode}: removed from the group or not allowed to post");
        }
        catch (ApiRequestException ex)
        {
            return SendResult.Later(null, $"telegram {ex.ErrorCode}");
        }
        catch (Exception ex) when (ex is RequestException or HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return SendResult.Later(null, "telegram unavailable");
        }
    }
}
