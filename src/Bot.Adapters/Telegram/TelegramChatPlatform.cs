using Bot.Core.Messaging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Bot.Adapters.Telegram;

/// <summary>Sends outbox messages to Telegram and translates what Telegram says into a <see cref="SendResult"/>.</summary>
public sealed class TelegramChatPlatform(
    ITelegramBotClient bot,
    TelegramCallbackData callbackData,
    TelegramBotIdentity identity,
    IOptions<TelegramOptions> options,
    ILogger<TelegramChatPlatform> logger) : IChatPlatform
{
    /// <summary>When the token itself is refused nothing will work until an operator fixes configuration; keep the message.</summary>
    private static readonly TimeSpan TokenProblemRetry = TimeSpan.FromMinutes(5);

    public Platform Platform => Platform.Telegram;

    public async Task<SendResult> SendAsync(OutboundMessage message, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);

        if (message.CommunityPost is not null && identity.Username is null)
        {
            return SendResult.Later(TimeSpan.FromMinutes(1), "bot username not known yet");
        }

        TelegramRenderedMessage rendered;
        try
        {
            rendered = TelegramMessageRenderer.Render(message, callbackData, message.CommunityPost is null ? null : identity.CheckInDeepLink());
        }
        catch (ArgumentException)
        {
            return SendResult.Refused("message cannot be rendered for Telegram");
        }

        if (rendered.HtmlParts.Any(p => p.Length == 0))
        {
            return SendResult.Refused("empty text");
        }

        // Parts are sent in order; a failure part-way makes the whole message retry later, which may repeat earlier parts.
        for (var i = 0; i < rendered.HtmlParts.Count; i++)
        {
            var html = rendered.HtmlParts[i];
            var keyboard = i == rendered.HtmlParts.Count - 1 ? rendered.Keyboard : null;
            var result = await SendOnceAsync(
                token => bot.SendMessage(rendered.ChatId, html, ParseMode.Html, replyMarkup: keyboard, cancellationToken: token),
                cancellationToken);
            if (result.Status != SendStatus.Sent)
            {
                return result;
            }
        }

        return message.Attachment is { } attachment
            ? await SendOnceAsync(token => SendAttachmentAsync(rendered.ChatId, attachment, token), cancellationToken)
            : SendResult.Sent;
    }

    /// <summary>Charts go as photos, exports as documents; a fresh stream per attempt.</summary>
    private Task SendAttachmentAsync(long chatId, OutboundAttachment attachment, CancellationToken cancellationToken)
    {
        var file = InputFile.FromStream(new MemoryStream(attachment.Content, writable: false), attachment.FileName);
        return attachment.IsImage
            ? bot.SendPhoto(chatId, file, cancellationToken: cancellationToken)
            : bot.SendDocument(chatId, file, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// One attempt, translated: the outbox is the only retry layer (with its backoff, after the rate-limit lease is given
    /// back). The client is told not to sleep on 429 either (RetryThreshold 0).
    /// </summary>
    private async Task<SendResult> SendOnceAsync(Func<CancellationToken, Task> send, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Value.RequestTimeout);
            await send(timeout.Token);
            return SendResult.Sent;
        }
        catch (ApiRequestException ex) when (ex.ErrorCode == 429)
        {
            return SendResult.Later(ex.Parameters?.RetryAfter is int seconds ? TimeSpan.FromSeconds(seconds) : null, "telegram rate limit (429)");
        }
        catch (ApiRequestException ex) when (ex.ErrorCode == 403)
        {
            return SendResult.NotReachable("telegram 403: the person blocked the bot or left");
        }
        catch (ApiRequestException ex) when (ex.ErrorCode == 400 && ex.Message.Contains("chat not found", StringComparison.OrdinalIgnoreCase))
        {
            return SendResult.NotReachable("telegram 400: chat not found");
        }
        catch (ApiRequestException ex) when (ex.ErrorCode is 401 or 404)
        {
            TelegramLog.SendRefused(logger, ex.ErrorCode);
            return SendResult.Later(TokenProblemRetry, $"telegram {ex.ErrorCode}: the bot token was refused");
        }
        catch (ApiRequestException ex) when (ex.ErrorCode is >= 400 and < 500)
        {
            TelegramLog.SendRefused(logger, ex.ErrorCode);
            return SendResult.Refused($"telegram {ex.ErrorCode}");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is RequestException or HttpRequestException or OperationCanceledException)
        {
            // 5xx, timeouts and broken connections: Telegram may be fine again in a moment.
            TelegramLog.SendUnavailable(logger, ex);
            return SendResult.Later(null, "telegram unavailable (5xx or timeout)");
        }
    }
}
