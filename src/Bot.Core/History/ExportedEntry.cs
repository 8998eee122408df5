namespace Bot.Core.History;

public sealed record ExportedEntry(DateTimeOffset At, string Kind, string Value, string? Text);
