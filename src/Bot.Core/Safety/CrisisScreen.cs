namespace Bot.Core.Safety;

/// <summary>
/// The crisis check every message goes through first: the lexicon (<see cref="CrisisDetector"/>), then the semantic tier
/// on free text. A lexicon hit keeps its tier unless the model clearly hears a safe message (then an explicit phrase is
/// asked about and an indirect one dropped; an imminent one is never second-guessed); a semantic-only hit asks directly
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
        if (semantic is null || (lexicon.Level == RiskLevel.Imminent && !lexicon.Distanced))
        {
            return new CrisisAssessment(lexicon.Tier, ModelAlone: false);
        }

        var model = FreeText(text) is { } free && !OfferedLabels.Contains(free) ? semantic.Assess(free) : default;
        if (lexicon.Level != RiskLevel.None && !lexicon.Distanced)
        {
            // A phrase the model places clearly among the safe prototypes is a figure of speech or a mention: an explicit
            // one is asked about instead of the urgent response (the model cannot tell "not suicidal" from "suicidal"),
            // an indirect one is left alone.
            return !SemanticRiskTier.ClearlySafe(model) || lexicon.Level == RiskLevel.SoftCheck ? new CrisisAssessment(lexicon.Tier, ModelAlone: false)
                : lexicon.Level == RiskLevel.Explicit ? new CrisisAssessment(RiskLevel.Indirect, ModelAlone: false)
                : default;
        }

        // Nothing in the lexicon, or only a distanced mention: the model decides whether the message means risk.
        return model.Hit ? new CrisisAssessment(RiskLevel.Indirect, ModelAlone: true) : default;
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
