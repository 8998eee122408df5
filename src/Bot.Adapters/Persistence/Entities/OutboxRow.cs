using Bot.Core.Messaging;

namespace Bot.Adapters.Persistence.Entities;

public sealed class OutboxRow
{
    public long Id { get; set; }

    public Guid? PersonId { get; set; }

    public Platform Platform { get; set; }

    public string ChatId { get; set; } = "";

    public DeliveryLane Lane { get; set; }

    /// <summary>The rendered message (text and choices) as JSON.</summary>
    public string PayloadJson { get; set; } = "{}";

    public OutboxStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset AvailableAt { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>Removed as soon as it is delivered: exports (personal data in the payload) and the goodbye after /forget.</summary>
    public bool DeleteWhenSent { get; set; }
}
