using Bot.Core.Persistence;

namespace Bot.Core.History;

/// <summary>Pure: a week of history to a short look back that counts effort. No streaks, no gaps, no comparisons.</summary>
public static class WeeklyRecap
{
    public static RecapFacts Facts(IEnumerable<HistoryEntry> week, TimeZoneInfo zone)
    {
        var entries = week.OrderBy(e => e.At).ToArray();
        var days = entries.Select(e => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(e.At, zone).DateTime)).Distinct().Count();
        var grounding = entries.Count(e => e.Kind == HistoryKinds.Grounding && !IsSkip(e.Value));
        var steps = entries.Count(e => e.Kind == HistoryKinds.SmallStep && !IsSkip(e.Value));
        var wins = entries.Where(e => e.Kind == HistoryKinds.Win && !string.IsNullOrWhiteSpace(e.FreeText)).Select(e => e.FreeText!.Trim()).ToArray();
        return new RecapFacts(days, grounding, steps, wins);
    }

    /// <summary>The engine records a skipped practice as "skipped-..." so it can say it was offered; it is not counted.</summary>
    private static bool IsSkip(string value) => value.StartsWith("skip", StringComparison.OrdinalIgnoreCase);

    public static string Render(RecapFacts facts, HistoryCopy copy)
    {
        if (facts.DaysShowedUp == 0 && facts.Wins.Count == 0)
        {
            return copy.Text(HistoryText.RecapQuiet);
        }

        var lines = new List<string> { copy.Text(HistoryText.RecapHeader) };
        AddCount(lines, copy, facts.DaysShowedUp, HistoryText.RecapCheckInOnce, HistoryText.RecapCheckIns);
        AddCount(lines, copy, facts.GroundingPauses, HistoryText.RecapGroundingOnce, HistoryText.RecapGrounding);
        AddCount(lines, copy, facts.SmallSteps, HistoryText.RecapStepOnce, HistoryText.RecapSteps);
        if (facts.Wins.Count > 0)
        {
            lines.Add(copy.Text(HistoryText.RecapWinsHeader));
            lines.AddRange(facts.Wins.Select(w => "• " + w));
        }

        lines.Add(copy.Text(HistoryText.RecapCloser));
        return string.Join('\n', lines);
    }

    /// <summary>A zero is left out rather than said: the recap only names what happened.</summary>
    private static void AddCount(List<string> lines, HistoryCopy copy, int count, string once, string many)
    {
        if (count == 1)
        {
            lines.Add(copy.Text(once));
        }
        else if (count > 1)
        {
            lines.Add(copy.Format(many, ("count", count.ToString())));
        }
    }
}
