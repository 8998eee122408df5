using Bot.Core.Safety;

namespace Bot.Adapters.Safety;

/// <summary>The crisis screen with the local MiniLM tier, its weights and prototype vectors unpacked in one cache folder.</summary>
public static class LocalCrisisScreen
{
    public static string DefaultCacheDirectory => Path.Combine(Path.GetTempPath(), "compassionbot-models");

    public static CrisisScreen Create(string cacheDirectory)
    {
        var embedder = new MiniLmSentenceEmbedder(cacheDirectory);
        var prototypes = CrisisPrototypes.English;
        var cached = PrototypeVectorCache.IsCached(cacheDirectory, prototypes);
        var vectors = PrototypeVectorCache.LoadOrEmbed(cacheDirectory, embedder, prototypes);
        if (!cached)
        {
            // Embedding every prototype read in much of the mapped embedding table (26 MB resident in the memory run); a
            // new session maps the weights afresh, so only the rows of words people write are read in after this.
            embedder.Dispose();
            embedder = new MiniLmSentenceEmbedder(cacheDirectory);
        }

        return new CrisisScreen(new SemanticRiskTier(embedder, prototypes, vectors));
    }
}
