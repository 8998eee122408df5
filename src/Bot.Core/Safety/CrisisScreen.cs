namespace Bot.Core.Safety;

/// <summary>
/// The crisis check every message goes through first: the lexicon (<see cref="CrisisDetector"/>), then, for free text the
/// lexicon found nothing in, the semantic tier. A lexicon hit keeps its tier; a semantic-only hit asks directly
/// (<see cref="RiskLevel.Indirect"/>). Without a model (Safety:SemanticModel off) it is the lexicon alone.
/// </summary>
public sealed class CrisisScreen(SemanticRiskTier? semantic)
{
    public static CrisisScreen LexiconOnly { get; } = new(null);

    public bool HasSemanticTier => semantic is not null;

    public RiskLevel Assess(string? text) => Read(text).Level;

    public CrisisAssessment Read(string? text)
    {
        var lexicon = CrisisDetector.Read(text);
        if (semantic is null || (lexicon.Level != RiskLevel.None && !lexicon.Distanced))
        {
            return new CrisisAssessment(lexicon.Tier, ModelAlone: false);
        }

        // Nothing in the lexicon, or only a distanced mention: the model decides whether the message means risk.
        return FreeText(text) is { } free && semantic.Assess(free).Hit
            ? new CrisisAssessment(RiskLevel.Indirect, ModelAlone: true)
            : default;
    }

    /// <summary>What a person wrote in their own words: the text itself, or a command's argument; never a bare command.</summary>
    public static string? FreeText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!text.StartsWith('/'))
        {
            return text;
        }

        var space = text.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? null : text[(space + 1)..];
    }
}
