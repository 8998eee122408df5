namespace Safety.Benchmarks;

/// <summary>One labelled line of the evaluation set: which half, risk or safe, its category.</summary>
public sealed record EvaluationLine(string Half, bool Risk, string Category, string Text);

/// <summary>How many lines of one category a detector flagged.</summary>
public sealed record CategoryScore(string Half, bool Risk, string Category, int Count, int Flagged)
{
    public double Rate => Count == 0 ? 0 : (double)Flagged / Count;
}

/// <summary>
/// The crisis evaluation set (tests/Bot.Core.Tests/Safety/Evaluation): tuning and held-out halves, risk and safe lines per
/// category, one message a line. Shared by benchmarks/safety and the test that guards the held-out figures.
/// </summary>
public static class SafetyEvaluation
{
    public const string Tuning = "tuning";
    public const string HeldOut = "heldout";

    public static IReadOnlyList<EvaluationLine> Load(string root) =>
    [
        .. from half in new[] { Tuning, HeldOut }
           from kind in new[] { "risk", "safe" }
           from file in Directory.GetFiles(Path.Combine(root, half, kind), "*.txt").Order(StringComparer.Ordinal)
           from line in File.ReadAllLines(file)
           where line.Length > 0 && !line.StartsWith('#')
           select new EvaluationLine(half, kind == "risk", Path.GetFileNameWithoutExtension(file), line),
    ];

    public static IReadOnlyList<CategoryScore> Score(IEnumerable<EvaluationLine> lines, Func<string, bool> flags) =>
    [
        .. lines.GroupBy(l => (l.Half, l.Risk, l.Category))
            .Select(g => new CategoryScore(g.Key.Half, g.Key.Risk, g.Key.Category, g.Count(), g.Count(l => flags(l.Text)))),
    ];

    /// <summary>Recall over risk lines or false-alarm rate over safe lines, for one half.</summary>
    public static double Total(IEnumerable<CategoryScore> scores, string half, bool risk)
    {
        var matching = scores.Where(s => s.Half == half && s.Risk == risk).ToArray();
        return (double)matching.Sum(s => s.Flagged) / matching.Sum(s => s.Count);
    }
}
