using Bot.Core.Persistence;

namespace Bot.Core.History;

/// <summary>Pure: history entries to chart data and to a short description a screen reader can read out.</summary>
public static class MoodHistory
{
    public static MoodChartData Build(IEnumerable<HistoryEntry> entries, TimeZoneInfo zone, DateOnly lastDay, int days, string title)
    {
        var firstDay = lastDay.AddDays(1 - days);
        var points = new List<MoodPoint>();
        var ownWords = new List<MoodPoint>();
        foreach (var entry in entries.Where(e => e.Kind == HistoryKinds.Mood).OrderBy(e => e.At))
        {
            var level = MoodScale.LevelOf(entry.Value);
            var local = TimeZoneInfo.ConvertTime(entry.At, zone);
            var day = DateOnly.FromDateTime(local.DateTime);
            if (day < firstDay || day > lastDay)
            {
                continue;
            }

            if (level is not null)
            {
                points.Add(new MoodPoint(day, TimeOnly.FromDateTime(local.DateTime), entry.Value.ToLowerInvariant(), level.Value));
            }
            else if (entry.Value == MoodScale.OwnWords)
            {
                ownWords.Add(new MoodPoint(day, TimeOnly.FromDateTime(local.DateTime), MoodScale.OwnWords, 0));
            }
        }

        return new MoodChartData(firstDay, lastDay, points, title) { InYourWords = ownWords };
    }

    /// <summary>Says what the picture shows: which moods came up and the latest one. No counts of absent days.</summary>
    public static string Describe(MoodChartData data, HistoryCopy copy)
    {
        if (data.Points.Count == 0 && data.InYourWords.Count == 0)
        {
            return copy.Format(HistoryText.ChartEmpty, ("days", data.Days.ToString()));
        }

        var moods = data.Points
            .GroupBy(p => p.Mood)
            .OrderBy(g => MoodScale.LevelOf(g.Key))
            .Select(g => copy.Format(g.Count() == 1 ? HistoryText.MoodOnce : HistoryText.MoodTimes, ("mood", g.Key), ("count", g.Count().ToString())))
            .ToList();
        if (data.InYourWords.Count > 0)
        {
            var once = data.InYourWords.Count == 1;
            moods.Add(copy.Format(once ? HistoryText.MoodInYourWordsOnce : HistoryText.MoodInYourWordsTimes, ("count", data.InYourWords.Count.ToString())));
        }

        var latest = data.Points.Concat(data.InYourWords).MaxBy(p => (p.Day, p.Time))!;
        return copy.Format(
            HistoryText.ChartSummary,
            ("days", data.Days.ToString()),
            ("moods", string.Join(", ", moods)),
            ("latest", latest.Level == 0 ? copy.Text(HistoryText.MoodInYourWordsLatest) : latest.Mood),
            ("latestDay", latest.Day.ToString("dddd d MMMM", System.Globalization.CultureInfo.InvariantCulture)));
    }
}
