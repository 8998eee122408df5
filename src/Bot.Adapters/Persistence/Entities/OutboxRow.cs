using Bot.Core.Messaging;

namespace Bot.Adapters.Persistence.Entities;

public sealed class OutboxRow
{
    public long Id { get; set; }

    public Guid? PersonId { get; set; }

    public Platform Platform { get; set; }

    public string ChatId { get; set; } = "";

    public DeliveryLane Lane { get; set; }

    /// <summary>
    /// The rendered message (text, choices, attachment) as JSON, encrypted with the free-text key ring
    /// (<see cref="OutboxPayload"/>). Null once a personal message could not be delivered: its content is not kept.
    /// </summary>
    public byte[]? Payload { get; set; }

    /// <summary>Rows written before payloads were encrypted; <see cref="DatabaseMigrator"/> encrypts them and clears this.</summary>
    public string? PayloadJson { get; set; }

    public OutboxStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset AvailableAt { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>
    /// Personal (exports, the person's own words, the goodbye after /forget): the row goes as soon as it is delivered, and its
    /// payload as soon as it fails or the chat is unreachable.
    /// </summary>
    public bool DeleteWhenSent { get; set; }
}
