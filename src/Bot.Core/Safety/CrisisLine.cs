namespace Bot.Core.Safety;

/// <param name="Source">The content guide's reference tag for where the line was verified.</param>
public sealed record CrisisLine(string Name, string Contact, string? Source = null);
