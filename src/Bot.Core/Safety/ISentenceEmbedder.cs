namespace Bot.Core.Safety;

/// <summary>A local sentence model: one unit-length vector per text, so a dot product is the cosine similarity.</summary>
public interface ISentenceEmbedder
{
    float[][] Embed(IReadOnlyList<string> texts);
}
