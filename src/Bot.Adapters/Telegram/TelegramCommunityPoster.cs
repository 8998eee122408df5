using System.Globalization;
using Bot.Core.Community;
using Bot.Core.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace Bot.Adapters.Telegram;

/// <summary>
/// Group chores that belong to Telegram alone: the admin commands for the daily community post, and the post itself.
/// Personal talk never happens in a group: /checkin and /start there answer with a deep link to a private chat.
/// </summary>
public sealed class TelegramCommunityPoster(
    ITelegramBotClient bot,
    TelegramBotIdentity identity,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    ILogger<TelegramCommunityPoster> logger)
{
    public const string EnableCommand = "/dailypost";
    public const string DisableCommand = "/stopdailypost";

    /// <summary>True for group commands this class answers itself; everything else goes to the Core.</summary>
    /// <summary>
    /// The group commands this poster answers itself. "/checkin" with words after it is not one of them: those words go to
    /// the Core, whose crisis check reads them.
    /// </summary>
    public static bool Handles(string command) => CommandWord(command) switch
    {
        EnableCommand or DisableCommand => true,
        "/checkin" or "/start" => command.Trim().Length == CommandWord(command).Length,
        _ => false,
    };

    /// <summary>Posts the community invitation in a group (the daily job calls this too).</summary>
    public async Task PostAsync(long groupChatId, CancellationToken cancellationToken)
    {
        var (html, keyboard) = TelegramCommunityPost.Render(identity.CheckInDeepLink(), TelegramCopy.English);
        await bot.SendMessage(groupChatId, html, ParseMode.Html, replyMarkup: keyboard, cancellationToken: cancellationToken);
    }

    /// <summary>Telegram refusing (bot removed from the group, no right to post) is final: logged, never retried.</summary>
    public async Task HandleGroupCommandAsync(long groupChatId, long senderId, string command, CancellationToken cancellationToken)
    {
        try
        {
            await HandleAsync(groupChatId, senderId, command, cancellationToken);
        }
        catch (ApiRequestException ex) when (ex.ErrorCode is 400 or 403)
        {
            TelegramLog.GroupCommandRefused(logger, ex.ErrorCode);
        }
    }

    private async Task HandleAsync(long groupChatId, long senderId, string text, CancellationToken cancellationToken)
    {
        var command = CommandWord(text);
        var arguments = text.Length > command.Length ? text[command.Length..].Trim() : "";
        if (command is not (EnableCommand or DisableCommand))
        {
            await PostAsync(groupChatId, cancellationToken);
            return;
        }

        var member = await bot.GetChatMember(groupChatId, senderId, cancellationToken);
        if (member.Status is not (ChatMemberStatus.Administrator or ChatMemberStatus.Creator))
        {
            await SayAsync(groupChatId, TelegramCopy.English.CommunitySetup.AdminsOnly, cancellationToken);
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var subscriptions = scope.ServiceProvider.GetService<ICommunityPostSubscriptions>();
        if (subscriptions is null)
        {
            TelegramLog.CommunityPostsNotStored(logger);
        }

        if (command == EnableCommand && arguments.Length > 0)
        {
            await SubscribeAtLocalTimeAsync(groupChatId, arguments, subscriptions, cancellationToken);
        }
        else if (command == EnableCommand)
        {
            var now = clock.GetUtcNow();
            if (subscriptions is not null)
            {
                await subscriptions.SubscribeAsync(groupChatId, new TimeOnly(now.Hour, now.Minute), cancellationToken);
            }

            await SayAsync(groupChatId, TelegramCopy.English.CommunitySetup.Done, cancellationToken);
            await PostAsync(groupChatId, cancellationToken);
        }
        else
        {
            if (subscriptions is not null)
            {
                await subscriptions.UnsubscribeAsync(groupChatId, cancellationToken);
            }

            await SayAsync(groupChatId, TelegramCopy.English.CommunitySetup.Stopped, cancellationToken);
        }
    }

    /// <summary>"/dailypost 09:00 Europe/Berlin": validated by Core's parser; the first post comes at that time, not now.</summary>
    private async Task SubscribeAtLocalTimeAsync(long groupChatId, string arguments, ICommunityPostSubscriptions? subscriptions, CancellationToken cancellationToken)
    {
        var setup = CommunityCommandParser.Parse("setup " + arguments);
        if (setup.Kind != CommunityCommandKind.Setup)
        {
            await SayAsync(groupChatId, CommunityCopy.English.TelegramSetupHelp, cancellationToken);
            return;
        }

        if (subscriptions is not null)
        {
            await subscriptions.SubscribeAsync(groupChatId, setup.LocalTime, setup.TimeZone, cancellationToken);
        }

        var channel = new CommunityChannel(new ChatAddress(Platform.Telegram, groupChatId.ToString(CultureInfo.InvariantCulture)), setup.LocalTime, setup.TimeZone);
        await SayAsync(groupChatId, CommunityCopy.English.Confirm(channel, telegram: true), cancellationToken);
    }

    private static string CommandWord(string text) => text.Split(' ', 2)[0];

    private Task SayAsync(long chatId, string text, CancellationToken cancellationToken) =>
        bot.SendMessage(chatId, TelegramMessageRenderer.EscapeHtml(text), ParseMode.Html, cancellationToken: cancellationToken);
}
