namespace Bot.Core.Persistence;

/// <param name="Kind">mood, grounding, small-step, win, ...</param>
/// <param name="Value">A short code, never free text.</param>
/// <param name="FreeText">What the person wrote; personal data, encrypted at rest.</param>
public sealed record HistoryEntry(string Kind, string Value, string? FreeText, DateTimeOffset At);
