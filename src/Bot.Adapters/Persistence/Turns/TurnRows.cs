using Bot.Adapters.Persistence.Entities;
using Bot.Core.Messaging;
using Bot.Core.Persistence;

namespace Bot.Adapters.Persistence.Turns;

/// <summary>The rows every turn writes (history and outbox), the same whether a person or the scheduler started it.</summary>
internal static class TurnRows
{
    public static IEnumerable<HistoryEntryRow> History(FreeTextProtector protector, Guid personId, IEnumerable<HistoryEntry> entries) =>
        entries.Select(entry => new HistoryEntryRow
        {
            PersonId = personId,
            At = entry.At,
            Kind = entry.Kind,
            Value = entry.Value,
            FreeText = protector.Protect(entry.FreeText),
        });

    /// <summary>
    /// Every payload is encrypted; messages that repeat personal data (or carry a file) are deleted from the outbox once
    /// delivered.
    /// </summary>
    public static OutboxRow Outbox(
        FreeTextProtector protector, Guid? personId, OutboundMessage message, DeliveryLane lane, DateTimeOffset now, bool? deleteWhenSent = null) => new()
    {
        PersonId = personId,
        Platform = message.Chat.Platform,
        ChatId = message.Chat.ChatId,
        Lane = lane,
        Payload = OutboxPayload.Protect(protector, message),
        Status = OutboxStatus.Pending,
        CreatedAt = now,
        AvailableAt = now,
        DeleteWhenSent = deleteWhenSent ?? (message.Personal || message.Attachment is not null),
    };
}
