using System.ComponentModel.DataAnnotations;

namespace Bot.Host.Delivery;

public sealed class DeliveryOptions
{
    public const string SectionName = "Delivery";

    [Range(1, 1000)]
    public int BatchSize { get; set; } = 50;

    /// <summary>Chats sent to at once (each chat's messages stay in order); the rate limits still apply.</summary>
    [Range(1, 256)]
    public int SendConcurrency { get; set; } = 8;

    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 10;

    /// <summary>
    /// How long a claimed message is ours before another worker may take it. A live worker renews it while it sends, so it
    /// can be short: a crashed worker's chats are free again within one lease.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(15);

    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan IdlePoll { get; set; } = TimeSpan.FromSeconds(1);
}
