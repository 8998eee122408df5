using System.Text.RegularExpressions;
using Bot.Core.History;
using Bot.Core.Replies;
using Bot.Core.SafetyPlan;
using Bot.Core.Scheduling;

namespace Bot.IntegrationTests.Scheduling.Week;

/// <summary>
/// Reads back which copy a sent message came from: a reply key ("Opener"), a scheduling text ("settings:next") or a
/// safety-plan text ("plan:crisisOffer"). Built from the data files themselves, so tests assert keys, never words.
/// </summary>
internal static partial class ReplyKeys
{
    private static readonly Lazy<(string Key, Regex Whole, Regex Line)[]> Templates = new(Build);

    /// <summary>The keys a message is made of, in order; "?" for a line no copy explains.</summary>
    public static IReadOnlyList<string> Of(string text)
    {
        foreach (var (key, whole, _) in Templates.Value)
        {
            if (whole.IsMatch(text))
            {
                return [key];
            }
        }

        return Decompose(text, 0) ?? ["?"];
    }

    private static List<string>? Decompose(string text, int at)
    {
        if (at >= text.Length)
        {
            return [];
        }

        foreach (var (key, _, line) in Templates.Value)
        {
            var match = line.Match(text, at);
            if (!match.Success || match.Index != at)
            {
                continue;
            }

            if (Decompose(text, at + match.Length + 1) is { } rest)
            {
                return [key, .. rest];
            }
        }

        return null;
    }

    private static (string, Regex, Regex)[] Build()
    {
        var templates = new List<(string, string)>();
        foreach (var (key, copy) in ReplyCatalog.English.All)
        {
            templates.AddRange(copy.Variants.Select(v => (key.ToString(), v)));
        }

        templates.AddRange(SchedulingCopy.English.Keys.Select(k => ("settings:" + k, SchedulingCopy.English.Text(k))));
        templates.AddRange(SafetyPlanCopy.English.Texts.Select(t => ("plan:" + t.Key, t.Value)));
        templates.AddRange(HistoryCopy.English.Keys.Select(k => ("history:" + k, HistoryCopy.English.Text(k))));

        // Longer templates first, so a short one ("Done: {days}.") never claims a longer line.
        return templates
            .Where(t => t.Item2.Length > 0)
            .OrderByDescending(t => t.Item2.Length)
            .Select(t => (t.Item1, Placeholder().Replace(Regex.Escape(t.Item2), m => m.Value == @"\{lines}" ? "(?s:.*?)" : "[^\n]*?")))
            .Select(t => (t.Item1, new Regex(@"\A(?:" + t.Item2 + @")\z", Options), new Regex(@"\G(?:" + t.Item2 + @")(?=\n|\z)", Options)))
            .ToArray();
    }

    private const RegexOptions Options = RegexOptions.CultureInvariant;

    [GeneratedRegex(@"\\\{\w+}")]
    private static partial Regex Placeholder();
}
