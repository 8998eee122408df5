namespace Bot.Core.Inbound;

/// <summary>How often one update is tried before it is parked, and the pause after each failure (1-based).</summary>
/// <param name="WaitOutOutages">
/// True: an outage is waited out here, as long as it lasts (polling). False: it is thrown to the caller at once, for a
/// platform that delivers again by itself (a webhook answered 500).
/// </param>
public sealed record InboundAttempts(int Limit, Func<int, TimeSpan> Backoff, bool WaitOutOutages = true)
{
    public const int DefaultLimit = 5;

    /// <summary><paramref name="first"/>, doubled per failure (1-based), capped at <paramref name="max"/>.</summary>
    public static TimeSpan Doubling(TimeSpan first, TimeSpan max, int failures)
    {
        var factor = Math.Pow(2, Math.Clamp(failures - 1, 0, 16));
        var delay = TimeSpan.FromTicks((long)Math.Min(first.Ticks * factor, max.Ticks));
        return delay < max ? delay : max;
    }
}
