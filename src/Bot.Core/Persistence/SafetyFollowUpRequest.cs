namespace Bot.Core.Persistence;

/// <summary>One gentle follow-up the person agreed to after a crisis response, due at <paramref name="DueAt"/> (their usual time, the next day).</summary>
/// <param name="Cancel">True when a pending follow-up is no longer wanted (answered, or the person asked for something else).</param>
public sealed record SafetyFollowUpRequest(DateTimeOffset DueAt, bool Cancel = false);
