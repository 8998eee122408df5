using Bot.Core.History;
using Bot.Core.Persistence;

namespace Bot.Core.Tests.History;

public sealed class WeeklyRecapTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Facts_CountEffortByLocalDay_AndLeaveSkipsOut()
    {
        HistoryEntry[] week =
        [
            new("mood", "tired", null, Monday),
            new("grounding", "done", null, Monday.AddMinutes(2)),
            new("small-step", "rest", null, Monday.AddMinutes(3)),
            new("mood", "okay", null, Monday.AddHours(10)),
            new("grounding", "skipped-breathing", null, Monday.AddHours(10)),
            new("not-today", "opened", null, Monday.AddDays(5)),
            new("win", "noted", "went outside", Monday.AddDays(3)),
        ];

        var facts = WeeklyRecap.Facts(week, Berlin);

        Assert.Equal((3, 1, 1), (facts.DaysShowedUp, facts.GroundingPauses, facts.SmallSteps));
        Assert.Equal(["went outside"], facts.Wins);
    }

    [Fact]
    public void Render_NamesOnlyWhatHappened_NeverZerosOrStreaks()
    {
        var text = WeeklyRecap.Render(new RecapFacts(3, 0, 1, ["made tea"]), HistoryCopy.English);

        Assert.Contains("3 days", text, StringComparison.Ordinal);
        Assert.Contains("• made tea", text, StringComparison.Ordinal);
        Assert.DoesNotContain("0", text, StringComparison.Ordinal);
        Assert.DoesNotContain("pause", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("streak", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("miss", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Render_QuietWeek_IsGentle()
    {
        var text = WeeklyRecap.Render(new RecapFacts(0, 0, 0, []), HistoryCopy.English);

        Assert.Equal(HistoryCopy.English.Text(HistoryText.RecapQuiet), text);
    }
}
