namespace Bot.Core.Messaging;

public enum SendStatus
{
    Sent = 0,
    RetryLater = 1,
    Unreachable = 2,
    Rejected = 3,
}

/// <summary>What a platform said about one send. Adapters translate their errors into this; the delivery worker decides.</summary>
public sealed record SendResult(SendStatus Status, TimeSpan? RetryAfter = null, string? Reason = null)
{
    public static readonly SendResult Sent = new(SendStatus.Sent);

    public static SendResult Later(TimeSpan? retryAfter, string reason) => new(SendStatus.RetryLater, retryAfter, reason);

    /// <summary>The platform answered 429: counted, and retried after the time it asked for.</summary>
    public static SendResult RateLimited(TimeSpan retryAfter) => new(SendStatus.RetryLater, retryAfter, RateLimitedReason);

    public const string RateLimitedReason = "rate-limited";

    public bool IsRateLimited => Reason == RateLimitedReason;

    public static SendResult NotReachable(string reason) => new(SendStatus.Unreachable, null, reason);

    public static SendResult Refused(string reason) => new(SendStatus.Rejected, null, reason);
}
