using Bot.Core.History;
using Bot.Core.Persistence;

namespace Bot.IntegrationTests.History;

/// <summary>Two weeks of moods with a few quiet days, as someone might really have them.</summary>
internal static class SampleHistory
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    public static readonly DateOnly Today = new(2026, 11, 24);

    public static IReadOnlyList<HistoryEntry> Moods()
    {
        (int DaysAgo, int Hour, string Mood)[] moods =
        [
            (13, 9, "tired"), (12, 20, "heavy"), (11, 8, "heavy"), (11, 19, "tired"), (9, 9, "okay"),
            (8, 21, "okay"), (7, 9, "steady"), (4, 8, "tired"), (3, 9, "okay"), (3, 18, "steady"),
            (2, 9, "bright"), (1, 20, "steady"), (0, 9, "okay"),
        ];
        return moods.Select(m =>
        {
            var local = Today.AddDays(-m.DaysAgo).ToDateTime(new TimeOnly(m.Hour, 0));
            var at = new DateTimeOffset(local, Zone.GetUtcOffset(local));
            return new HistoryEntry(HistoryKinds.Mood, m.Mood, null, at);
        }).ToArray();
    }
}
