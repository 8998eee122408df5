namespace Bot.Core.History;

/// <summary>One mood someone named, placed on their own local calendar.</summary>
public sealed record MoodPoint(DateOnly Day, TimeOnly Time, string Mood, int Level);
