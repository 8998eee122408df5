using Bot.Core.History;
using Bot.Core.Persistence;

namespace Bot.Core.Tests.History;

public sealed class MoodHistoryTests
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    [Fact]
    public void Build_PlacesMoodsOnTheirLocalDay_InsideTheWindowOnly()
    {
        HistoryEntry[] entries =
        [
            new("mood", "bright", null, new DateTimeOffset(2026, 11, 23, 20, 0, 0, TimeSpan.Zero)), // 24 Nov, 05:00 in Tokyo
            new("mood", "heavy", null, new DateTimeOffset(2026, 11, 9, 14, 0, 0, TimeSpan.Zero)),  // 9 Nov: outside 14 days
            new("mood", "cloudy", null, new DateTimeOffset(2026, 11, 20, 1, 0, 0, TimeSpan.Zero)), // not a mood we know
            new("win", "noted", "tea", new DateTimeOffset(2026, 11, 20, 1, 0, 0, TimeSpan.Zero)),
        ];

        var data = MoodHistory.Build(entries, Tokyo, new DateOnly(2026, 11, 24), 14, "t");

        var point = Assert.Single(data.Points);
        Assert.Equal(new MoodPoint(new DateOnly(2026, 11, 24), new TimeOnly(5, 0), "bright", 5), point);
        Assert.Equal(new DateOnly(2026, 11, 11), data.FirstDay);
        Assert.Equal(14, data.Days);
    }

    [Fact]
    public void Describe_SaysWhatTheChartShows_WithoutCountingBlankDays()
    {
        var data = new MoodChartData(new DateOnly(2026, 11, 11), new DateOnly(2026, 11, 24),
        [
            new MoodPoint(new DateOnly(2026, 11, 12), new TimeOnly(9, 0), "tired", 2),
            new MoodPoint(new DateOnly(2026, 11, 15), new TimeOnly(9, 0), "tired", 2),
            new MoodPoint(new DateOnly(2026, 11, 23), new TimeOnly(9, 0), "steady", 4),
        ], "t");

        var text = MoodHistory.Describe(data, HistoryCopy.English);

        Assert.Contains("14 days", text, StringComparison.Ordinal);
        Assert.Contains("tired 2 times, steady once", text, StringComparison.Ordinal);
        Assert.Contains("latest was steady, on Monday 23 November", text, StringComparison.Ordinal);
        Assert.DoesNotContain("11", text.Replace("14 days", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_NoMoods_IsGentle()
    {
        var data = new MoodChartData(new DateOnly(2026, 11, 11), new DateOnly(2026, 11, 24), [], "t");

        Assert.Equal(HistoryCopy.English.Format(HistoryText.ChartEmpty, ("days", "14")), MoodHistory.Describe(data, HistoryCopy.English));
    }

    [Fact]
    public void Build_CountsMoodsInTheirOwnWords_WithoutDrawingThem()
    {
        HistoryEntry[] entries =
        [
            new("mood", "tired", null, new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero)),
            new("mood", "own-words", "frazzled but okay", new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero)),
            new("mood", "own-words", "meh-ish", new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero)),
            new("mood", "own-words", "long ago", new DateTimeOffset(2026, 10, 1, 9, 0, 0, TimeSpan.Zero)),
        ];

        var data = MoodHistory.Build(entries, TimeZoneInfo.Utc, new DateOnly(2026, 11, 24), 14, "t");

        Assert.Single(data.Points);
        Assert.Equal([new DateOnly(2026, 11, 22), new DateOnly(2026, 11, 23)], data.InYourWords.Select(p => p.Day));
    }

    [Fact]
    public void Describe_CountsOwnWordsAsInYourWords_AndNamesTheLatest()
    {
        HistoryEntry[] entries =
        [
            new("mood", "tired", null, new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero)),
            new("mood", "own-words", "frazzled but okay", new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero)),
            new("mood", "own-words", "meh-ish", new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero)),
        ];

        var text = MoodHistory.Describe(MoodHistory.Build(entries, TimeZoneInfo.Utc, new DateOnly(2026, 11, 24), 14, "t"), HistoryCopy.English);

        Assert.Contains("tired once", text, StringComparison.Ordinal);
        Assert.Contains("2 times in your own words", text, StringComparison.Ordinal);
        Assert.Contains("latest was in your own words, on Monday 23 November", text, StringComparison.Ordinal);
        Assert.DoesNotContain("frazzled", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_OnlyOwnWords_IsNotAnEmptyHistory()
    {
        HistoryEntry[] entries = [new("mood", "own-words", "frazzled but okay", new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero))];

        var text = MoodHistory.Describe(MoodHistory.Build(entries, TimeZoneInfo.Utc, new DateOnly(2026, 11, 24), 14, "t"), HistoryCopy.English);

        Assert.NotEqual(HistoryCopy.English.Format(HistoryText.ChartEmpty, ("days", "14")), text);
        Assert.Contains("once in your own words", text, StringComparison.Ordinal);
    }
}
