namespace Bot.Adapters.Telegram;

internal static class TelegramBackoff
{
    /// <summary>RetryDelay, doubled per failure (1-based), capped at MaxRetryDelay.</summary>
    public static TimeSpan After(TelegramOptions options, int failures)
    {
        var factor = Math.Pow(2, Math.Clamp(failures - 1, 0, 16));
        var delay = TimeSpan.FromTicks((long)Math.Min(options.RetryDelay.Ticks * factor, options.MaxRetryDelay.Ticks));
        return delay < options.MaxRetryDelay ? delay : options.MaxRetryDelay;
    }
}
