namespace Bot.Core.Persistence;

/// <summary>How far behind delivery is: pending messages and the age of the oldest one.</summary>
public sealed record OutboxLag(int Depth, TimeSpan OldestAge);
