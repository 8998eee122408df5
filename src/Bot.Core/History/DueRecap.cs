using Bot.Core.Messaging;

namespace Bot.Core.History;

/// <summary>Someone whose weekly look back is due, and where to reach them.</summary>
public sealed record DueRecap(Guid PersonId, ChatAddress Chat, string SenderId, string? TimeZone, DateTimeOffset DueAt);
