using System.Globalization;
using Bot.Core.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types;

namespace Bot.Adapters.Telegram;

/// <summary>
/// Takes one update from polling or the webhook to the Core, in its own DI scope. Returning means the update is
/// committed (or safely ignored) and may be confirmed to Telegram; throwing means it must be delivered again.
/// </summary>
public sealed class TelegramUpdateProcessor(
    ITelegramBotClient bot,
    IServiceScopeFactory scopes,
    TelegramCallbackData callbackData,
    TelegramBotIdentity identity,
    IOptions<TelegramOptions> options,
    TimeProvider clock,
    ILogger<TelegramUpdateProcessor> logger)
{
    public async Task ProcessAsync(Update update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);

        TelegramInbound inbound;
        try
        {
            var context = new TelegramMappingContext(callbackData, clock.GetUtcNow(), options.Value.ButtonLifetime, identity.Username);
            inbound = TelegramUpdateMapper.Map(update, context);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A payload we cannot read will not become readable by retrying; skipping it keeps the queue moving.
            TelegramLog.UpdateUnmappable(logger, ex, update.Id);
            await AnswerCallbackAsync(update.CallbackQuery?.Id, null, cancellationToken);
            return;
        }

        switch (inbound.Kind)
        {
            case TelegramInboundKind.Message:
                await HandleMessageAsync(update.Id, inbound, cancellationToken);
                break;

            case TelegramInboundKind.ExpiredButton:
                await AnswerCallbackAsync(inbound.CallbackQueryId, TelegramCopy.English.ExpiredButton, cancellationToken);
                TelegramLog.UpdateHandled(logger, update.Id, inbound.Kind);
                break;

            case TelegramInboundKind.ReachabilityChanged:
                await RecordReachabilityAsync(inbound, cancellationToken);
                TelegramLog.UpdateHandled(logger, update.Id, inbound.Kind);
                break;

            default:
                await AnswerCallbackAsync(inbound.CallbackQueryId, null, cancellationToken);
                break;
        }
    }

    private async Task HandleMessageAsync(int updateId, TelegramInbound inbound, CancellationToken cancellationToken)
    {
        var message = inbound.Message!;
        if (message.Kind == ChatKind.Group && message.Text is { } text && text.StartsWith('/'))
        {
            message = message with { SenderIsChatAdmin = await IsChatAdminAsync(message, cancellationToken) };
        }

        HandleOutcome outcome;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var handler = scope.ServiceProvider.GetRequiredService<IInboundMessageHandler>();
            outcome = await handler.HandleAsync(message, cancellationToken);
        }
        finally
        {
            // Always answered, even when the handler failed: the person's spinner must stop. A redelivery answers again,
            // which Telegram refuses harmlessly.
            await AnswerCallbackAsync(inbound.CallbackQueryId, null, cancellationToken);
        }

        if (outcome == HandleOutcome.Handled && inbound.ButtonMessageId is { } buttonMessageId)
        {
            await RetireKeyboardAsync(message.Chat, buttonMessageId, cancellationToken);
        }

        TelegramLog.MessageHandled(logger, updateId, outcome);
    }

    /// <summary>
    /// The fact Core needs for a group command: is the sender an administrator (or the creator) of the group? Telegram
    /// refusing to say (the bot was removed, the person is gone) means no; anything else fails the update, to be tried again.
    /// </summary>
    private async Task<bool> IsChatAdminAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        try
        {
            var member = await bot.GetChatMember(
                long.Parse(message.Chat.ChatId, CultureInfo.InvariantCulture),
                long.Parse(message.SenderId, CultureInfo.InvariantCulture),
                cancellationToken);
            return member.Status is ChatMemberStatus.Administrator or ChatMemberStatus.Creator;
        }
        catch (ApiRequestException ex) when (ex.ErrorCode is 400 or 403)
        {
            TelegramLog.GroupCommandRefused(logger, ex.ErrorCode);
            return false;
        }
    }

    private async Task RecordReachabilityAsync(TelegramInbound inbound, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var reachability = scope.ServiceProvider.GetService<IReachabilityHandler>();
        if (reachability is null)
        {
            TelegramLog.ReachabilityNotRecorded(logger);
            return;
        }

        await reachability.SetReachableAsync(inbound.Chat!.Value, inbound.Reachable!.Value, clock.GetUtcNow(), cancellationToken);
    }

    private async Task AnswerCallbackAsync(string? callbackQueryId, string? text, CancellationToken cancellationToken)
    {
        if (callbackQueryId is null)
        {
            return;
        }

        try
        {
            using var timeout = Timeout(cancellationToken);
            await bot.AnswerCallbackQuery(callbackQueryId, text, cancellationToken: timeout.Token);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            TelegramLog.CallbackAnswerFailed(logger, ex);
        }
    }

    /// <summary>A pressed keyboard is taken off its message, so the same buttons cannot move the conversation twice.</summary>
    private async Task RetireKeyboardAsync(ChatAddress chat, int messageId, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = Timeout(cancellationToken);
            await bot.EditMessageReplyMarkup(long.Parse(chat.ChatId, CultureInfo.InvariantCulture), messageId, replyMarkup: null, cancellationToken: timeout.Token);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            TelegramLog.KeyboardRetireFailed(logger, ex);
        }
    }

    private CancellationTokenSource Timeout(CancellationToken cancellationToken)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        source.CancelAfter(options.Value.RequestTimeout);
        return source;
    }
}
