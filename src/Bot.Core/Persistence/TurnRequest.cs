using Bot.Core.Messaging;

namespace Bot.Core.Persistence;

/// <param name="DedupeKey">The platform's id for the inbound message; null for turns the bot starts itself.</param>
public sealed record TurnRequest(ChatAddress Chat, string SenderId, string? DedupeKey, DateTimeOffset Now);
