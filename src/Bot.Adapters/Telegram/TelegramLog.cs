using Microsoft.Extensions.Logging;

namespace Bot.Adapters.Telegram;

/// <summary>Telegram adapter log events (5100-5199). Never message text, names or the token: only ids, kinds and codes.</summary>
internal static partial class TelegramLog
{
    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Telegram polling started as @{BotUsername}")]
    public static partial void PollingStarted(ILogger logger, string botUsername);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "Telegram getUpdates conflict (409): another poller or a webhook holds this bot's updates; backing off for {Delay}")]
    public static partial void PollingConflict(ILogger logger, TimeSpan delay);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Warning, Message = "Telegram getUpdates failed; retrying in {Delay}")]
    public static partial void PollingFailed(ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Warning, Message = "Telegram.Bot could not read a getUpdates batch; reading it raw, update by update")]
    public static partial void BatchUnreadable(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5105, Level = LogLevel.Error, Message = "Telegram update {UpdateId} could not be mapped and is skipped")]
    public static partial void UpdateUnmappable(ILogger logger, Exception exception, int updateId);

    [LoggerMessage(EventId = 5106, Level = LogLevel.Debug, Message = "Telegram update {UpdateId}: {Kind}")]
    public static partial void UpdateHandled(ILogger logger, int updateId, TelegramInboundKind kind);

    [LoggerMessage(EventId = 5112, Level = LogLevel.Debug, Message = "Telegram update {UpdateId}: the handler said {Outcome}")]
    public static partial void MessageHandled(ILogger logger, int updateId, Bot.Core.Messaging.HandleOutcome outcome);

    [LoggerMessage(EventId = 5107, Level = LogLevel.Debug, Message = "Answering Telegram callback query failed (it may be too old or already answered)")]
    public static partial void CallbackAnswerFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5108, Level = LogLevel.Debug, Message = "Retiring a pressed Telegram keyboard failed")]
    public static partial void KeyboardRetireFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5109, Level = LogLevel.Information, Message = "Waiting for the Telegram poller lease; another replica polls")]
    public static partial void WaitingForLease(ILogger logger);

    [LoggerMessage(EventId = 5110, Level = LogLevel.Warning, Message = "The Telegram poller lease was lost; polling stops on this replica")]
    public static partial void LeaseLost(ILogger logger);

    [LoggerMessage(EventId = 5115, Level = LogLevel.Warning, Message = "The Telegram poller lease could not be checked; retrying in {Delay}")]
    public static partial void LeaseFailed(ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(EventId = 5111, Level = LogLevel.Warning, Message = "Telegram reachability change for a chat was not recorded: no IReachabilityHandler is registered")]
    public static partial void ReachabilityNotRecorded(ILogger logger);

    [LoggerMessage(EventId = 5114, Level = LogLevel.Warning, Message = "Telegram would not say whether a group command's sender is an admin (error {ErrorCode}: removed from the group?); taken as no")]
    public static partial void GroupCommandRefused(ILogger logger, int errorCode);

    [LoggerMessage(EventId = 5120, Level = LogLevel.Warning, Message = "Telegram send failed (5xx, timeout or no connection); the outbox retries it")]
    public static partial void SendUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5121, Level = LogLevel.Warning, Message = "Telegram send refused with error {ErrorCode}")]
    public static partial void SendRefused(ILogger logger, int errorCode);

    [LoggerMessage(EventId = 5130, Level = LogLevel.Information, Message = "Telegram bot configured: @{BotUsername}, {CommandCount} commands, mode {Mode}")]
    public static partial void SetupDone(ILogger logger, string botUsername, int commandCount, TelegramMode mode);

    [LoggerMessage(EventId = 5131, Level = LogLevel.Warning, Message = "Telegram bot setup failed; retrying in {Delay}")]
    public static partial void SetupFailed(ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(EventId = 5140, Level = LogLevel.Warning, Message = "Telegram webhook call rejected: missing or wrong secret token")]
    public static partial void WebhookRejected(ILogger logger);

    [LoggerMessage(EventId = 5141, Level = LogLevel.Error, Message = "Telegram webhook update could not be handled during an outage; Telegram will deliver it again")]
    public static partial void WebhookFailed(ILogger logger, Exception exception);
}
