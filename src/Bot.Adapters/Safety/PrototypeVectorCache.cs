using Bot.Core.Safety;

namespace Bot.Adapters.Safety;

/// <summary>
/// The prototypes' vectors, computed once per prototype file and kept beside the model, so a start takes a fraction of a
/// second instead of embedding every prototype again. A changed prototype file has another fingerprint and is embedded anew.
/// </summary>
public static class PrototypeVectorCache
{
    /// <summary>Whether <see cref="LoadOrEmbed"/> would read the vectors rather than run the model on every prototype.</summary>
    public static bool IsCached(string directory, CrisisPrototypes prototypes)
    {
        try
        {
            using var reader = new BinaryReader(File.OpenRead(PathFor(directory, prototypes)));
            var count = reader.ReadInt32();
            var dimensions = reader.ReadInt32();
            return count == prototypes.Sentences().Count && reader.BaseStream.Length == 8 + ((long)count * dimensions * sizeof(float));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public static float[][] LoadOrEmbed(string directory, ISentenceEmbedder embedder, CrisisPrototypes prototypes)
    {
        var count = prototypes.Sentences().Count;
        var path = PathFor(directory, prototypes);
        if (TryRead(path, count) is { } cached)
        {
            return cached;
        }

        var vectors = SemanticRiskTier.EmbedPrototypes(embedder, prototypes);
        Directory.CreateDirectory(directory);
        var partial = path + "." + Environment.ProcessId + ".partial";
        using (var writer = new BinaryWriter(File.Create(partial)))
        {
            writer.Write(vectors.Length);
            writer.Write(vectors[0].Length);
            foreach (var value in vectors.SelectMany(v => v))
            {
                writer.Write(value);
            }
        }

        File.Move(partial, path, overwrite: true);
        return vectors;
    }

    private static string PathFor(string directory, CrisisPrototypes prototypes) =>
        Path.Combine(directory, $"crisis-prototypes-{prototypes.Fingerprint()}.bin");

    private static float[][]? TryRead(string path, int count)
    {
        try
        {
            using var reader = new BinaryReader(File.OpenRead(path));
            if (reader.ReadInt32() != count)
            {
                return null;
            }

            var dimensions = reader.ReadInt32();
            var vectors = new float[count][];
            for (var i = 0; i < count; i++)
            {
                vectors[i] = new float[dimensions];
                for (var j = 0; j < dimensions; j++)
                {
                    vectors[i][j] = reader.ReadSingle();
                }
            }

            return vectors;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
