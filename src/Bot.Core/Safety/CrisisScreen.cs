namespace Bot.Core.Safety;

/// <summary>
/// The crisis check every message goes through first: the lexicon (<see cref="CrisisDetector"/>), then the semantic tier
/// on free text. A lexicon hit keeps its tier unless the model clearly hears a safe message (then it is dropped; an
/// imminent one is never second-guessed), and an explicit phrase is urgent only when the model leans toward risk too
/// (otherwise asked about directly); a semantic-only hit asks directly (<see cref="RiskLevel.Indirect"/>). Without a model (Safety:SemanticModel off) it is the lexicon alone.
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
            // A phrase the model places clearly among the safe prototypes is a figure of speech, a denial or a mention: it is
            // left to the model (which did not hear risk in it). An explicit phrase gets the urgent response only when the
            // model leans toward risk too; otherwise the direct question. A light check stays a light check. A person saying
            // it of themselves ("I feel suicidal") is never dropped, and asked rather than urged only when the model clearly
            // hears a safe message: the model hears "I'm suicidal" and "I'm not suicidal" alike. Nor is a phrase whose distancing
            // frame the person took back ("clean for a year, but tonight..."): the model hears the frame, not the turn.
            return lexicon.Level switch
            {
                RiskLevel.SoftCheck => new CrisisAssessment(lexicon.Tier, ModelAlone: false),
                RiskLevel.Explicit when lexicon.TakenBack => new CrisisAssessment(SemanticRiskTier.BacksUrgent(model) ? RiskLevel.Explicit : RiskLevel.Indirect, ModelAlone: false),
                _ when lexicon.TakenBack => new CrisisAssessment(lexicon.Tier, ModelAlone: false),
                RiskLevel.Explicit when lexicon.FirstPerson => new CrisisAssessment(SemanticRiskTier.ClearlySafe(model) ? RiskLevel.Indirect : RiskLevel.Explicit, ModelAlone: false),
                RiskLevel.Explicit when SemanticRiskTier.ClearlySafe(model, SemanticRiskTier.ExplicitVetoMargin) => default,
                RiskLevel.Explicit when !SemanticRiskTier.BacksUrgent(model) => new CrisisAssessment(RiskLevel.Indirect, ModelAlone: false),
                RiskLevel.Explicit => new CrisisAssessment(lexicon.Tier, ModelAlone: false),
                _ when SemanticRiskTier.ClearlySafe(model) => default,
                _ => new CrisisAssessment(lexicon.Tier, ModelAlone: false),
            };
        }

        // A person saying it of themselves inside a frame ("that film made me realise I want to die too", "my friend asked and
        // I told her I want to kill myself") is asked about, whatever the model hears.
        if (lexicon.Distanced && lexicon.SaidOfMyself)
        {
            return new CrisisAssessment(RiskLevel.Indirect, ModelAlone: false);
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
