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
        return new CrisisScreen(new SemanticRiskTier(embedder, prototypes, PrototypeVectorCache.LoadOrEmbed(cacheDirectory, embedder, prototypes)));
    }
}
