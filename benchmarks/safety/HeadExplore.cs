using Bot.Core.Safety;

namespace Safety.Benchmarks;

/// <summary>
/// Tuning half only: instead of the closest prototype, a linear head trained on the prototypes' vectors (never on an
/// evaluation line) scores each chunk; prints semantic-alone and whole-screen totals for a few settings, never a line.
/// </summary>
public static class HeadExplore
{
    public static void Run(IReadOnlyList<EvaluationLine> lines, ISentenceEmbedder embedder, SemanticRiskTier semantic, float[][] prototypeVectors)
    {
        var sentences = CrisisPrototypes.English.Sentences();
        var labels = sentences.Select(s => s.Risk).ToArray();
        var tuning = lines.Where(l => l.Half == SafetyEvaluation.Tuning).ToArray();
        var rows = tuning.Select(l =>
        {
            var free = CrisisScreen.FreeText(l.Text);
            var chunks = free is null || OfferedLabels.Contains(free) ? [] : semantic.ScoreChunks(free).ToArray();
            var vectors = chunks.Length == 0 ? [] : embedder.Embed(MessageChunks.Split(ModelText.Prepare(free!)));
            return (Line: l, Lexicon: CrisisDetector.Read(l.Text), Chunks: chunks, Vectors: vectors);
        }).ToArray();

        Console.WriteLine($"tuning rows {rows.Length}; prototypes {labels.Count(x => x)} risk, {labels.Count(x => !x)} safe");
        void Report(string name, Func<float[], SemanticVerdict, bool> chunkHit)
        {
            bool Hit((EvaluationLine Line, LexiconVerdict Lexicon, SemanticVerdict[] Chunks, float[][] Vectors) r) =>
                r.Vectors.Select((v, i) => chunkHit(v, r.Chunks[i])).Any(h => h);
            var risk = rows.Where(r => r.Line.Risk).ToArray();
            var safe = rows.Where(r => !r.Line.Risk).ToArray();
            var semRecall = risk.Count(Hit);
            var semFalse = safe.Count(Hit);
            bool Screen((EvaluationLine Line, LexiconVerdict Lexicon, SemanticVerdict[] Chunks, float[][] Vectors) r) =>
                (r.Lexicon.Level != RiskLevel.None && !r.Lexicon.Distanced) || Hit(r);
            var lostBy = risk.Where(r => !Screen(r)).GroupBy(r => r.Line.Category).Select(g => $"{g.Key} {g.Count()}");
            var falseBy = safe.Where(Screen).GroupBy(r => r.Line.Category).Select(g => $"{g.Key} {g.Count()}");
            Console.WriteLine($"{name,-40} semantic {semRecall}/{risk.Length} false {semFalse}/{safe.Length} | lexicon-or-semantic {risk.Count(Screen)}/{risk.Length} false {safe.Count(Screen)}/{safe.Length}  missed: {string.Join(", ", lostBy)}  false: {string.Join(", ", falseBy)}");
        }

        Report("closest prototype (shipped)", (_, c) => c.Hit);
        foreach (var k in new[] { 2, 3, 5 })
        {
            foreach (var margin in new[] { 0.0f, 0.02f, 0.04f })
            {
                Report($"top-{k} mean, margin {margin}", (v, _) => TopMean(prototypeVectors, labels, v, k, true) - TopMean(prototypeVectors, labels, v, k, false) >= margin && TopMean(prototypeVectors, labels, v, 1, true) >= 0.5f);
            }
        }

        foreach (var l2 in new[] { 0.001f, 0.01f, 0.1f })
        {
            foreach (var scale in new[] { 5f, 10f, 20f })
            {
                var head = Train(prototypeVectors, labels, l2, scale);
                foreach (var t in new[] { 0.5f, 0.7f, 0.8f, 0.9f, 0.95f })
                {
                    Report($"head l2 {l2} scale {scale} p>={t}", (v, _) => head.Probability(v) >= t);
                }

                Report($"head l2 {l2} scale {scale} p>=0.8 and closest", (v, c) => head.Probability(v) >= 0.8f && c.Hit);
                Report($"head l2 {l2} scale {scale} p>=0.9 or closest", (v, c) => head.Probability(v) >= 0.9f || c.Hit);
            }
        }
    }

    private static float TopMean(float[][] vectors, bool[] labels, float[] v, int k, bool risk)
    {
        var sims = new List<float>();
        for (var i = 0; i < vectors.Length; i++)
        {
            if (labels[i] == risk)
            {
                sims.Add(Dot(vectors[i], v));
            }
        }

        return sims.OrderDescending().Take(k).Average();
    }

    private static float Dot(float[] a, float[] b)
    {
        var s = 0f;
        for (var i = 0; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }

    public sealed record Head(float[] Weights, float Bias, float Scale)
    {
        public float Probability(float[] v) => 1f / (1f + MathF.Exp(-(Scale * Dot(Weights, v) + Bias)));
    }

    /// <summary>L2-regularised logistic regression, classes weighted equally, full-batch gradient descent with momentum.</summary>
    public static Head Train(float[][] x, bool[] y, float l2, float scale, int epochs = 1500, float rate = 0.5f)
    {
        var d = x[0].Length;
        var w = new double[d];
        var velocity = new double[d + 1];
        double b = 0;
        var positives = y.Count(v => v);
        var weightPos = 0.5 * y.Length / positives;
        var weightNeg = 0.5 * y.Length / (y.Length - positives);
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            var grad = new double[d + 1];
            for (var n = 0; n < x.Length; n++)
            {
                var z = b;
                for (var i = 0; i < d; i++)
                {
                    z += scale * w[i] * x[n][i];
                }

                var p = 1 / (1 + Math.Exp(-z));
                var err = (p - (y[n] ? 1 : 0)) * (y[n] ? weightPos : weightNeg);
                for (var i = 0; i < d; i++)
                {
                    grad[i] += err * scale * x[n][i];
                }

                grad[d] += err;
            }

            for (var i = 0; i < d; i++)
            {
                grad[i] = grad[i] / x.Length + l2 * w[i];
                velocity[i] = 0.9 * velocity[i] - rate * grad[i];
                w[i] += velocity[i];
            }

            velocity[d] = 0.9 * velocity[d] - rate * grad[d] / x.Length;
            b += velocity[d];
        }

        return new Head([.. w.Select(v => (float)v)], (float)b, scale);
    }
}
