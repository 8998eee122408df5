using Bot.Adapters.Persistence.Entities;
using Bot.Core.Messaging;

namespace Bot.Adapters.Persistence;

/// <summary>
/// How an outbox message is kept: its JSON encrypted with the free-text key ring, whoever it is for, so a queued export or a
/// sent safety plan is never readable from the database alone.
/// </summary>
internal static class OutboxPayload
{
    public static byte[] Protect(FreeTextProtector protector, OutboundMessage message) =>
        protector.Protect(StateJson.Write(StoredMessage.From(message)))!;

    /// <summary>Reads an encrypted payload, or the plaintext JSON of a row written before payloads were encrypted.</summary>
    public static OutboundMessage Read(FreeTextProtector protector, OutboxRow row) =>
        StateJson.Read<StoredMessage>(Json(protector, row)).To(new ChatAddress(row.Platform, row.ChatId));

    public static string Json(FreeTextProtector protector, OutboxRow row) =>
        row.Payload is { } payload
            ? protector.Unprotect(payload)!
            : row.PayloadJson ?? throw new InvalidOperationException($"Outbox message {row.Id} has no payload.");
}
