using Bot.Core.Messaging;

namespace Bot.Core.Persistence;

/// <param name="DedupeKey">The platform's id for the inbound message; null for turns the bot starts itself.</param>
public sealed record TurnRequest(ChatAddress Chat, string SenderId, string? DedupeKey, DateTimeOffset Now)
{
    /// <summary>A group turn stores nothing about the sender: no person, conversation or history; only its outbox.</summary>
    public ChatKind Kind { get; init; } = ChatKind.Private;

    /// <summary>
    /// The decision reads nothing but its context and writes nothing itself (no command feature), so the store may commit
    /// it together with other people's turns in one transaction. A decision that finds it needs more throws
    /// <see cref="OwnTransactionRequiredException"/> when <see cref="TurnContext.SharedTransaction"/> is set.
    /// </summary>
    public bool MayShareTransaction { get; init; }
}
