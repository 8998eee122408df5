namespace Bot.Core.History;

/// <summary>The kinds of history entry this feature writes or reads; the engine writes the others.</summary>
public static class HistoryKinds
{
    public const string Mood = "mood";
    public const string Win = "win";
    public const string Grounding = "grounding";
    public const string SmallStep = "small-step";
}
