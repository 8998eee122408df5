namespace Bot.Core.History;

/// <summary>The five moods a person can name, lowest to highest energy. A place on a scale, never a score.</summary>
public static class MoodScale
{
    public static IReadOnlyList<string> Moods { get; } = ["heavy", "tired", "okay", "steady", "bright"];

    /// <summary>The mood value of a check-in answered in the person's own words (the words themselves are kept encrypted).</summary>
    public const string OwnWords = "own-words";

    /// <summary>1 (heavy) to 5 (bright); null for anything else.</summary>
    public static int? LevelOf(string mood)
    {
        for (var i = 0; i < Moods.Count; i++)
        {
            if (string.Equals(Moods[i], mood, StringComparison.OrdinalIgnoreCase))
            {
                return i + 1;
            }
        }

        return null;
    }
}
