using System.Text.RegularExpressions;
using Bot.Core.Safety;
using Safety.Benchmarks;

namespace Bot.Adapters.Tests.Safety;

/// <summary>
/// The crisis lists, compiled as the detector compiles them (non-backtracking parts), hear exactly what one backtracking
/// expression of the whole list hears, on every line of the tuning half and on pieces of them.
/// </summary>
public sealed class PhraseSetEquivalenceTests
{
    public static TheoryData<string> Lists => new()
    {
        nameof(CrisisLexicon.Imminent), nameof(CrisisLexicon.Explicit), nameof(CrisisLexicon.Indirect), nameof(CrisisLexicon.Idioms),
        nameof(CrisisLexicon.JokeTargets), nameof(CrisisLexicon.Distance), nameof(CrisisLexicon.DistanceMore),
        nameof(CrisisLexicon.Reaffirm), nameof(CrisisLexicon.FirstPerson), nameof(CrisisLexicon.Sincere), nameof(CrisisLexicon.Urgency),
    };

    [Theory]
    [MemberData(nameof(Lists))]
    public void EachList_MatchesWhatOneBacktrackingExpressionMatches(string list)
    {
        var patterns = (string[])typeof(CrisisLexicon).GetField(list)!.GetValue(null)!;
        var whole = new Regex(
            "(?:" + string.Join("|", patterns.Select(PhrasePatterns.ToRegex)) + ")",
            RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
            Regex.InfiniteMatchTimeout);
        var set = PhrasePatterns.Compile(patterns);
        var texts = SafetyEvaluation.Load(Path.Combine(AppContext.BaseDirectory, "Safety", "Evaluation"))
            .Where(l => l.Half == SafetyEvaluation.Tuning)
            .Select(l => TextNormalizer.Normalize(l.Text))
            .SelectMany(t => new[] { t, t[..(t.Length / 2)], t[(t.Length / 2)..] })
            .ToArray();

        var differ = texts.Where(t => set.IsMatch(t) != whole.IsMatch(t)).ToArray();

        Assert.True(texts.Any(whole.IsMatch), $"{list}: nothing in the set to compare on");
        Assert.Empty(differ);
    }
}
