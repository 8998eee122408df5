namespace Bot.Adapters.Telegram;

internal static class TelegramBackoff
{
    /// <summary>RetryDelay, doubled per failure (1-based), capped at MaxRetryDelay.</summary>
    public static TimeSpan After(TelegramOptions options, int failures) =>
        Bot.Core.Inbound.InboundAttempts.Doubling(options.RetryDelay, options.MaxRetryDelay, failures);
}
