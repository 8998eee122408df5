using Bot.Core.Messaging;

namespace Bot.Core.SafetyPlan;

/// <summary>A follow-up that has come due, with where to reach the person.</summary>
public sealed record DueSafetyFollowUp(Guid PersonId, ChatAddress Chat, string SenderId, DateTimeOffset DueAt);
