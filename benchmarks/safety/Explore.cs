using System.Text.RegularExpressions;
using Bot.Core.Safety;

namespace Safety.Benchmarks;

/// <summary>
/// Tuning half only: each line scored once (lexicon tier, distancing frames of each list, each chunk's similarities), then
/// the rules that combine the tiers tried offline. Prints totals and per-category counts, never a line.
/// </summary>
public static class Explore
{
    private static readonly PhraseSet Idioms = PhrasePatterns.Compile(CrisisLexicon.Idioms);
    private static readonly PhraseSet Sincere = PhrasePatterns.Compile(CrisisLexicon.Sincere);
    private static readonly PhraseSet Reaffirm = PhrasePatterns.Compile(CrisisLexicon.Reaffirm);
    private static readonly PhraseSet OldFrames = PhrasePatterns.Compile(CrisisLexicon.Distance);
    private static readonly PhraseSet NewFrames = PhrasePatterns.Compile(CrisisLexicon.DistanceMore);

    public sealed record Row(EvaluationLine Line, RiskLevel Level, bool FirstPerson, bool Old, bool New, SemanticVerdict[] Chunks, bool[] ChunkOld, bool[] ChunkNew)
    {
        public bool Known => Chunks.Length > 0;

        public float Margin => Chunks.Length == 0 ? 0 : Chunks.Max(c => c.Risk - c.Safe);
    }

    public sealed record Rule(string Name, Func<Row, bool> Framed, Func<Row, RiskLevel> Screen);

    public static void Run(IReadOnlyList<EvaluationLine> lines, SemanticRiskTier semantic)
    {
        var rows = lines.Where(l => l.Half == SafetyEvaluation.Tuning).Select(l => Score(l, semantic)).ToArray();
        var rules = new List<Rule>();
        rules.Add(new("old+new: shipped", r => r.Old || r.New, r => Confirm(r, r.Old || r.New, 0, -0.08f, 0.02f)));
        rules.Add(new("old+new: before (third round)", r => r.Old || r.New, r => Current(r, r.Old || r.New, -0.06f, -0.06f)));
        rules.Add(new("old+new: without first person", r => r.Old || r.New, r => Confirm(r, r.Old || r.New, 0, -0.08f, 0.02f, firstPerson: false)));
        rules.Add(new("none: shipped", _ => false, r => Confirm(r, false, 0, -0.08f, 0.02f)));
        rules.Add(new("none: without first person", _ => false, r => Confirm(r, false, 0, -0.08f, 0.02f, firstPerson: false)));
        rules.Add(new("new: shipped", r => r.New, r => Confirm(r, r.New, 0, -0.08f, 0.02f)));
        foreach (var risk in new[] { true, false })
        {
            var known = rows.Where(r => r.Line.Risk == risk && r.Known).ToArray();
            Console.WriteLine($"model, {(risk ? "risk" : "safe")} lines {known.Length}: mean margin {known.Average(r => r.Margin):0.000}, margin > 0.04 {known.Count(r => r.Margin >= 0.04f)}, > 0 {known.Count(r => r.Margin > 0)}, > -0.04 {known.Count(r => r.Margin > -0.04f)}, hits {known.Count(r => r.Chunks.Any(c => c.Hit))}");
        }

        foreach (var risk in new[] { true, false })
        {
            var lex = rows.Where(r => r.Line.Risk == risk && r.Level != RiskLevel.None && r.Known).ToArray();
            Console.WriteLine($"{(risk ? "risk" : "safe")} lexicon lines {lex.Length}: margin deciles {string.Join(" ", Deciles(lex.Select(r => r.Margin)))}; risk deciles {string.Join(" ", Deciles(lex.Select(r => r.Chunks.Max(c => c.Risk))))}");
        }

        for (var i = 0; i < CrisisLexicon.DistanceMore.Length; i++)
        {
            var pattern = PhrasePatterns.Compile([CrisisLexicon.DistanceMore[i]]);
            bool Hits(Row r) => pattern.IsMatch(Sincere.Replace(Idioms.Replace(TextNormalizer.Normalize(r.Line.Text), " "), " "));
            Console.WriteLine($"frame {i}: risk lines {rows.Count(r => r.Line.Risk && Hits(r))} (lexicon {rows.Count(r => r.Line.Risk && r.Level != RiskLevel.None && Hits(r))}), safe lines {rows.Count(r => !r.Line.Risk && Hits(r))} (lexicon {rows.Count(r => !r.Line.Risk && r.Level != RiskLevel.None && Hits(r))})");
        }

        var baseline = Tally(rows, rules[0].Screen);
        Console.WriteLine($"Tuning half, {rows.Length} lines; lexicon level and frames counts:");
        foreach (var group in rows.GroupBy(r => (r.Line.Risk, r.Line.Category)))
        {
            Console.WriteLine($"  {(group.Key.Risk ? "risk" : "safe")} {group.Key.Category}: lexicon {group.Count(r => r.Level != RiskLevel.None)}, first person {group.Count(r => r.FirstPerson)}, old frame {group.Count(r => r.Level != RiskLevel.None && r.Old)}, new frame {group.Count(r => r.Level != RiskLevel.None && r.New)}, any line new-framed {group.Count(r => r.New)}");
        }

        foreach (var rule in rules)
        {
            Print(rule.Name, Tally(rows, rule.Screen), baseline);
        }
    }

    /// <summary>The third round's rule, with the vetoes as parameters (it shipped with -0.06 and -0.06).</summary>
    public static RiskLevel Current(Row r, bool framed, float indirectVeto, float explicitVeto)
    {
        if (r.Level == RiskLevel.Imminent && !framed)
        {
            return RiskLevel.Imminent;
        }

        if (r.Level != RiskLevel.None && !framed)
        {
            return r.Level switch
            {
                RiskLevel.SoftCheck => RiskLevel.SoftCheck,
                RiskLevel.Explicit => r.Known && r.Margin <= explicitVeto ? RiskLevel.Indirect : RiskLevel.Explicit,
                _ => r.Known && r.Margin <= indirectVeto ? RiskLevel.None : RiskLevel.Indirect,
            };
        }

        return r.Chunks.Any(c => c.Hit) ? RiskLevel.Indirect : RiskLevel.None;
    }

    private static IEnumerable<string> Deciles(IEnumerable<float> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? [] : Enumerable.Range(0, 11).Select(i => $"{sorted[Math.Min(sorted.Length - 1, i * sorted.Length / 10)]:0.00}");
    }

    /// <summary>
    /// The fourth round's rule (<see cref="CrisisScreen"/>): a lexicon phrase outside a frame is dropped when the model clearly
    /// disagrees, and an explicit one asked about when the model does not lean toward risk; a person saying it of themselves
    /// is never dropped. <paramref name="minRisk"/> was tried at 0.35-0.45 and made no difference.
    /// </summary>
    public static RiskLevel Confirm(Row r, bool framed, float minRisk, float drop, float ask, bool firstPerson = true)
    {
        if (r.Level == RiskLevel.Imminent && !framed)
        {
            return RiskLevel.Imminent;
        }

        if (r.Level != RiskLevel.None && !framed)
        {
            if (r.Level == RiskLevel.SoftCheck || !r.Known)
            {
                return r.Level;
            }

            if (r.Level == RiskLevel.Explicit && r.FirstPerson && firstPerson)
            {
                return r.Margin <= -0.06f ? RiskLevel.Indirect : RiskLevel.Explicit;
            }

            if (!r.Chunks.Any(c => c.Risk >= minRisk && c.Risk - c.Safe > drop))
            {
                return r.Chunks.Any(c => c.Hit) ? RiskLevel.Indirect : RiskLevel.None;
            }

            return r.Level == RiskLevel.Explicit && r.Margin <= ask ? RiskLevel.Indirect : r.Level;
        }

        return r.Chunks.Any(c => c.Hit) ? RiskLevel.Indirect : RiskLevel.None;
    }

    public static Dictionary<(bool Risk, string Category), (int Flagged, int Urgent, int Count)> Tally(Row[] rows, Func<Row, RiskLevel> screen) =>
        rows.GroupBy(r => (r.Line.Risk, r.Line.Category)).ToDictionary(g => g.Key, g =>
        {
            var levels = g.Select(screen).ToArray();
            return (levels.Count(l => l != RiskLevel.None), levels.Count(l => l >= RiskLevel.Explicit), levels.Length);
        });

    public static void Print(string name, Dictionary<(bool Risk, string Category), (int Flagged, int Urgent, int Count)> tally,
        Dictionary<(bool Risk, string Category), (int Flagged, int Urgent, int Count)> baseline)
    {
        int Sum(bool risk, Func<(int Flagged, int Urgent, int Count), int> f) => tally.Where(t => t.Key.Risk == risk).Sum(t => f(t.Value));
        var changes = tally.Where(t => t.Value.Flagged != baseline[t.Key].Flagged)
            .Select(t => $"{t.Key.Category} {t.Value.Flagged - baseline[t.Key].Flagged:+0;-0}");
        Console.WriteLine($"{name,-55} recall {Sum(true, v => v.Flagged),3}/{Sum(true, v => v.Count)} (urgent {Sum(true, v => v.Urgent),3})  false {Sum(false, v => v.Flagged),2}/{Sum(false, v => v.Count)} (urgent {Sum(false, v => v.Urgent)})  {string.Join(", ", changes)}");
    }

    private static Row Score(EvaluationLine line, SemanticRiskTier semantic)
    {
        var lexicon = CrisisDetector.Read(line.Text);
        var (old, @new) = Frames(line.Text);
        var free = CrisisScreen.FreeText(line.Text);
        var chunks = free is null || OfferedLabels.Contains(free) ? [] : semantic.ScoreChunks(free).ToArray();
        var chunkTexts = chunks.Length == 0 ? [] : MessageChunks.Split(ModelText.Prepare(free!));
        var chunkFrames = chunkTexts.Select(Frames).ToArray();
        return new Row(line, lexicon.Level, lexicon.FirstPerson, old, @new, chunks, [.. chunkFrames.Select(f => f.Old)], [.. chunkFrames.Select(f => f.New)]);
    }

    public static (bool Old, bool New) Frames(string text)
    {
        var normal = Idioms.Replace(TextNormalizer.Normalize(text), " ");
        if (Reaffirm.IsMatch(normal))
        {
            return (false, false);
        }

        var sincere = Sincere.Replace(normal, " ");
        return (OldFrames.IsMatch(sincere), NewFrames.IsMatch(sincere));
    }
}
