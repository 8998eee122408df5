using System.Numerics;

namespace Bot.Core.Safety;

/// <summary>
/// The paraphrase tier: a message (each chunk of it) is a hit when it is close to a risk prototype and clearly closer to
/// it than to any safe one, unless the chunk tells of the risk as long over (<see cref="CrisisDetector.ToldAsPast"/>: the
/// model hears "I was suicidal at fifteen" as "I am suicidal"). It hears what the lexicon cannot list ("no reason left to get up"), and answers with the
/// direct question, never the urgent response: a meaning is a reason to ask, not to be sure.
/// </summary>
public sealed class SemanticRiskTier
{
    /// <summary>How close to a risk prototype a chunk must come (cosine).</summary>
    public const float MinSimilarity = 0.50f;

    /// <summary>How much closer to the risk prototype than to the closest safe one.</summary>
    public const float MinMargin = 0.04f;

    /// <summary>
    /// How much closer to a safe prototype than to any risk one every chunk must be for the model to overrule a lexicon
    /// phrase (<see cref="CrisisScreen"/>). Well below zero: the lexicon hears what the model cannot, such as typos.
    /// </summary>
    public const float VetoMargin = -0.06f;

    /// <summary>
    /// The same for an explicit phrase, a little further: it is dropped (left to the model) only when every chunk is this much
    /// closer to a safe prototype. With the key words spelled right before embedding (<see cref="ModelText"/>), a risk line
    /// written with typos no longer lands there.
    /// </summary>
    public const float ExplicitVetoMargin = -0.08f;

    /// <summary>
    /// How far toward the risk prototypes the model must lean for an explicit phrase to get the urgent response; below it the
    /// phrase is asked about directly. Mentions, denials and clinical notes carry the words without the meaning.
    /// </summary>
    public const float UrgentMargin = 0.02f;

    /// <summary>Shorter texts are answers, moods and choices: the lexicon hears their risk words, the model only guesses.</summary>
    public const int MinWords = 3;

    private readonly ISentenceEmbedder _embedder;
    private readonly Prototype[] _risk;
    private readonly Prototype[] _safe;

    /// <param name="vectors">The prototypes' vectors in <see cref="CrisisPrototypes.Sentences"/> order, when already known.</param>
    public SemanticRiskTier(ISentenceEmbedder embedder, CrisisPrototypes prototypes, float[][]? vectors = null)
    {
        _embedder = embedder;
        var sentences = prototypes.Sentences();
        vectors ??= EmbedPrototypes(embedder, prototypes);
        var all = sentences.Select((s, i) => (s.Risk, Prototype: new Prototype(s.Category, vectors[i]))).ToArray();
        _risk = [.. all.Where(p => p.Risk).Select(p => p.Prototype)];
        _safe = [.. all.Where(p => !p.Risk).Select(p => p.Prototype)];
    }

    public float Threshold { get; init; } = MinSimilarity;

    public float Margin { get; init; } = MinMargin;

    public SemanticVerdict Assess(string? text)
    {
        var chunks = ScoreChunks(text);
        return chunks.FirstOrDefault(c => c.Hit) is { Hit: true } hit
            ? hit
            : chunks.OrderByDescending(c => c.Risk - c.Safe).FirstOrDefault();
    }

    /// <summary>Whether the model heard the text (long enough to ask) and placed every chunk clearly among the safe prototypes.</summary>
    public static bool ClearlySafe(SemanticVerdict verdict, float veto = VetoMargin) => verdict.Category is not null && verdict.Risk - verdict.Safe <= veto;

    /// <summary>Whether the model did not hear the text, or leans toward the risk prototypes enough to back the urgent response.</summary>
    public static bool BacksUrgent(SemanticVerdict verdict) => verdict.Category is null || verdict.Risk - verdict.Safe > UrgentMargin;

    /// <summary>Each chunk's closest risk and safe similarity; empty when the text is too short to ask the model.</summary>
    public IReadOnlyList<SemanticVerdict> ScoreChunks(string? text)
    {
        if (text is null || WordCount(text) < MinWords)
        {
            return [];
        }

        var chunks = MessageChunks.Split(ModelText.Prepare(text));
        var vectors = _embedder.Embed(chunks);
        var verdicts = new SemanticVerdict[vectors.Length];
        for (var i = 0; i < vectors.Length; i++)
        {
            var (risk, category) = Closest(_risk, vectors[i]);
            var (safe, _) = Closest(_safe, vectors[i]);
            var hit = risk >= Threshold && risk - safe >= Margin && !CrisisDetector.ToldAsPast(chunks[i]);
            verdicts[i] = new SemanticVerdict(hit, risk, safe, category);
        }

        return verdicts;
    }

    private static int WordCount(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    private static (float Similarity, string? Category) Closest(Prototype[] prototypes, float[] vector)
    {
        var best = float.MinValue;
        string? category = null;
        foreach (var prototype in prototypes)
        {
            var similarity = Dot(prototype.Vector, vector);
            if (similarity > best)
            {
                best = similarity;
                category = prototype.Category;
            }
        }

        return (best, category);
    }

    private static float Dot(float[] a, float[] b)
    {
        var sums = Vector<float>.Zero;
        var i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            sums += new Vector<float>(a, i) * new Vector<float>(b, i);
        }

        var sum = Vector.Sum(sums);
        for (; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    public static float[][] EmbedPrototypes(ISentenceEmbedder embedder, CrisisPrototypes prototypes) =>
        // Small batches: the runtime keeps memory for the largest batch it has seen, for the life of the process.
        [.. prototypes.Sentences().Chunk(8).SelectMany(batch => embedder.Embed([.. batch.Select(s => ModelText.Prepare(s.Text))]))];

    private sealed record Prototype(string Category, float[] Vector);
}
