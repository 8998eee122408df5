namespace Bot.Core.History;

public sealed record ExportedSettings(bool WeeklyRecap, bool KeepOwnWords);
