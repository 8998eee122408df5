using Bot.Core.Messaging;

namespace Bot.Core.Persistence;

/// <param name="DedupeKey">The platform's id for the inbound message; null for turns the bot starts itself.</param>
public sealed record TurnRequest(ChatAddress Chat, string SenderId, string? DedupeKey, DateTimeOffset Now)
{
    /// <summary>A group turn stores nothing about the sender: no person, conversation or history; only its outbox.</summary>
    public ChatKind Kind { get; init; } = ChatKind.Private;
}
