// Crisis detection, measured: recall and false alarms per category on both halves of the evaluation set, for the lexicon
// alone, the semantic tier alone and both; then the cost per free-text message on one thread.
//
//   dotnet run -c Release --project benchmarks/safety                 the evaluation and the cost
//   dotnet run -c Release --project benchmarks/safety -- --tune       threshold/margin grid on the TUNING half only
//   dotnet run -c Release --project benchmarks/safety -- --misses     also list what each half missed (tuning only)
//   dotnet run -c Release --project benchmarks/safety -- --explore    the rules that combine the tiers, tried offline on the TUNING half (totals only)
//   dotnet run -c Release --project benchmarks/safety -- --head       other readings of the model's vectors (top-k, a trained head), TUNING half only
//   dotnet run -c Release --project benchmarks/safety -- --tuning-only   everything, on the tuning half alone (while choosing)
//   dotnet run -c Release --project benchmarks/safety -- --probe    your own sentences on stdin: each tier's verdict
//   dotnet run -c Release --project benchmarks/safety -- --cost-only    only the cost per message (no recall tables)
using System.Diagnostics;
using Bot.Adapters.Safety;
using Bot.Core.Safety;
using Safety.Benchmarks;

var lines = SafetyEvaluation.Load(Path.Combine(AppContext.BaseDirectory, "Evaluation"));
if (args.Contains("--tuning-only"))
{
    lines = [.. lines.Where(l => l.Half == SafetyEvaluation.Tuning)];
}

var rssBefore = Rss();
var load = Stopwatch.StartNew();
using var embedder = new MiniLmSentenceEmbedder(LocalCrisisScreen.DefaultCacheDirectory);
var vectors = PrototypeVectorCache.LoadOrEmbed(LocalCrisisScreen.DefaultCacheDirectory, embedder, CrisisPrototypes.English);
var semantic = new SemanticRiskTier(embedder, CrisisPrototypes.English, vectors);
var screen = new CrisisScreen(semantic);
load.Stop();
GC.Collect();
var rssLoaded = Rss();

if (args.Contains("--probe"))
{
    // Your own sentences on stdin, one a line: what each tier and the screen make of them.
    while (Console.ReadLine() is { } probe)
    {
        var v = semantic.Assess(probe);
        Console.WriteLine($"{CrisisDetector.Read(probe)} m={v.Risk - v.Safe:0.00} r={v.Risk:0.00} hit={v.Hit} -> {screen.Assess(probe)} | {probe}");
    }

    return;
}

if (args.Contains("--head"))
{
    HeadExplore.Run(lines, embedder, semantic, vectors);
    return;
}

if (args.Contains("--explore"))
{
    Explore.Run(lines, semantic);
    return;
}

if (args.Contains("--tune"))
{
    Tune(lines.Where(l => l.Half == SafetyEvaluation.Tuning).ToArray(), semantic);
    return;
}

if (!args.Contains("--cost-only"))
{
    var detectors = new (string Name, Func<string, bool> Flags)[]
    {
        ("lexicon", t => CrisisDetector.Assess(t) != RiskLevel.None),
        ("semantic", t => semantic.Assess(CrisisScreen.FreeText(t)).Hit),
        ("both", t => screen.Assess(t) != RiskLevel.None),
        ("urgent", t => screen.Assess(t) >= RiskLevel.Explicit),
    };
    var scores = detectors.ToDictionary(d => d.Name, d => SafetyEvaluation.Score(lines, d.Flags));

    Console.WriteLine($"# Crisis detection evaluation ({Environment.ProcessorCount} cores, {Environment.OSVersion}, {DateTime.UtcNow:yyyy-MM-dd})");
    Console.WriteLine();
    Console.WriteLine($"Semantic tier: all-MiniLM-L6-v2, threshold {semantic.Threshold:0.###}, margin {semantic.Margin:0.###}; {CrisisPrototypes.English.Risk.Sum(p => p.Value.Length)} risk and {CrisisPrototypes.English.Safe.Sum(p => p.Value.Length)} safe prototypes.");
    Console.WriteLine("Risk rows: share of lines flagged (recall). Safe rows: share flagged (false alarms); `urgent` is the share that got the full crisis response (explicit or imminent, from the lexicon outside a distancing frame, an explicit phrase not overruled by the model).");
    foreach (var half in lines.Select(l => l.Half).Distinct())
    {
        Console.WriteLine();
        Console.WriteLine($"## {half} half");
        Console.WriteLine();
        Console.WriteLine("| kind | category | lines | lexicon | semantic | both | urgent |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var row in scores["both"].Where(s => s.Half == half))
        {
            var cells = detectors.Select(d => Percent(scores[d.Name].Single(s => s.Half == half && s.Category == row.Category && s.Risk == row.Risk).Rate));
            Console.WriteLine($"| {(row.Risk ? "risk" : "safe")} | {row.Category} | {row.Count} | {string.Join(" | ", cells)} |");
        }

        foreach (var risk in new[] { true, false })
        {
            var cells = detectors.Select(d => Percent(SafetyEvaluation.Total(scores[d.Name], half, risk)));
            Console.WriteLine($"| **{(risk ? "risk: recall" : "safe: false alarms")}** | all | {lines.Count(l => l.Half == half && l.Risk == risk)} | {string.Join(" | ", cells)} |");
        }
    }

    if (args.Contains("--misses"))
    {
        Console.WriteLine();
        Console.WriteLine("## Tuning half: missed risk lines and flagged safe lines");
        foreach (var line in lines.Where(l => l.Half == SafetyEvaluation.Tuning && l.Risk == (screen.Assess(l.Text) == RiskLevel.None)))
        {
            var v = semantic.Assess(CrisisScreen.FreeText(line.Text));
            Console.WriteLine($"- {(line.Risk ? "missed" : "flagged")} [{line.Category}] ({CrisisDetector.Assess(line.Text)}, r={v.Risk:0.00} s={v.Safe:0.00} {v.Category}) {line.Text}");
        }
    }
}

// Cost: every line of the set as one message, several rounds, one thread, after a warm-up round.
var texts = lines.Select(l => l.Text).ToArray();
var freeText = texts.Where(t => t.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length is >= 8 and <= 30).ToArray();
foreach (var t in texts)
{
    screen.Assess(t);
}

var all = Time(texts, 3);
var sentences = Time(freeText, 3);
Console.WriteLine();
Console.WriteLine("## Cost per message (one thread)");
Console.WriteLine();
Console.WriteLine("| messages | timed | p50 ms | p99 ms | max ms |");
Console.WriteLine("|---|---:|---:|---:|---:|");
Console.WriteLine($"| every line of the set (1–120 words) | {all.Length} | {all[all.Length / 2]:0.0} | {all[(int)(all.Length * 0.99)]:0.0} | {all[^1]:0.0} |");
Console.WriteLine($"| free-text sentences of 8–30 words | {sentences.Length} | {sentences[sentences.Length / 2]:0.0} | {sentences[(int)(sentences.Length * 0.99)]:0.0} | {sentences[^1]:0.0} |");
Console.WriteLine();
Console.WriteLine($"Model and prototypes loaded in {load.ElapsedMilliseconds} ms; RSS {rssBefore} MB before, {rssLoaded} MB after loading, {Rss()} MB at the end.");

double[] Time(string[] messages, int rounds)
{
    var times = new List<double>(messages.Length * rounds);
    for (var round = 0; round < rounds; round++)
    {
        foreach (var text in messages)
        {
            var started = Stopwatch.GetTimestamp();
            screen.Assess(text);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    return [.. times.Order()];
}

static void Tune(EvaluationLine[] tuning, SemanticRiskTier semantic)
{
    // Scores once, thresholds after: each chunk's closest risk and safe similarity does not depend on them.
    var scored = tuning.Select(l => (Line: l, Lexicon: CrisisDetector.Read(l.Text) is { Level: not RiskLevel.None, Distanced: false },
        Chunks: semantic.ScoreChunks(CrisisScreen.FreeText(l.Text)))).ToArray();
    Console.WriteLine("Tuning half only. threshold margin | semantic recall, false alarms | both recall, false alarms");
    for (var threshold = 0.35f; threshold <= 0.701f; threshold += 0.025f)
    {
        for (var margin = 0f; margin <= 0.151f; margin += 0.02f)
        {
            bool Hit(IReadOnlyList<SemanticVerdict> chunks) => chunks.Any(c => c.Risk >= threshold && c.Risk - c.Safe >= margin);
            double Rate(bool risk, bool withLexicon)
            {
                var set = scored.Where(s => s.Line.Risk == risk).ToArray();
                return (double)set.Count(s => (withLexicon && s.Lexicon) || Hit(s.Chunks)) / set.Length;
            }

            Console.WriteLine($"{threshold:0.000} {margin:0.00} | {Rate(true, false):P1} {Rate(false, false):P1} | {Rate(true, true):P1} {Rate(false, true):P1}");
        }
    }
}

static string Percent(double rate) => $"{rate * 100:0.#} %";

static long Rss() => Process.GetCurrentProcess().WorkingSet64 / 1024 / 1024;
