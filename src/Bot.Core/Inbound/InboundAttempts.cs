namespace Bot.Core.Inbound;

/// <summary>How often one update is tried before it is parked, and the pause after each failure (1-based).</summary>
public sealed record InboundAttempts(int Limit, Func<int, TimeSpan> Backoff)
{
    public const int DefaultLimit = 5;
}
