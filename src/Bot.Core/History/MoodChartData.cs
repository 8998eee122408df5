namespace Bot.Core.History;

/// <summary>What the chart shows: the moods of a window of local days. Days with nothing are simply blank.</summary>
public sealed record MoodChartData(DateOnly FirstDay, DateOnly LastDay, IReadOnlyList<MoodPoint> Points, string Title)
{
    public int Days => LastDay.DayNumber - FirstDay.DayNumber + 1;

    /// <summary>Moods named in the person's own words: counted in the summary, not drawn (they have no place on the scale).</summary>
    public IReadOnlyList<MoodPoint> InYourWords { get; init; } = [];
}
