using System.Text.RegularExpressions;

namespace Bot.Core.Safety;

/// <summary>
/// Looks for crisis language in any text, in any state, before anything else runs. A tiered lexicon over normalised text
/// (<see cref="TextNormalizer"/>), with figures of speech and names taken out first, and laughter turning an explicit
/// phrase into a light check rather than silence (content guide §5.5–5.6).
/// </summary>
public static class CrisisDetector
{
    private static readonly PhraseSet ImminentPhrases = PhrasePatterns.Compile(CrisisLexicon.Imminent);
    private static readonly PhraseSet ExplicitPhrases = PhrasePatterns.Compile(CrisisLexicon.Explicit);
    private static readonly PhraseSet IndirectPhrases = PhrasePatterns.Compile(CrisisLexicon.Indirect);
    private static readonly PhraseSet IdiomPhrases = PhrasePatterns.Compile(CrisisLexicon.Idioms);
    private static readonly PhraseSet JokePhrases = PhrasePatterns.Compile(CrisisLexicon.JokeTargets);
    private static readonly PhraseSet SincerePhrases = PhrasePatterns.Compile(CrisisLexicon.Sincere);
    private static readonly PhraseSet DistancePhrases = PhrasePatterns.Compile([.. CrisisLexicon.Distance, .. CrisisLexicon.DistanceMore]);
    private static readonly PhraseSet ReaffirmPhrases = PhrasePatterns.Compile(CrisisLexicon.Reaffirm);
    private static readonly PhraseSet UrgencyPhrases = PhrasePatterns.Compile(CrisisLexicon.Urgency);
    private static readonly PhraseSet FirstPersonPhrases = PhrasePatterns.Compile(CrisisLexicon.FirstPerson);
    private static readonly PhraseSet SaidOfMyselfPhrases = PhrasePatterns.Compile(CrisisLexicon.SaidOfMyself);
    private static readonly PhraseSet PastPhrases = PhrasePatterns.Compile(CrisisLexicon.Past);
    private static readonly PhraseSet PresentPhrases = PhrasePatterns.Compile(CrisisLexicon.Present);

    public const int MaxLength = 4000;

    /// <summary>The lexicon's tier, with a distanced mention (denied, past, someone else's) asked about, never urgent.</summary>
    public static RiskLevel Assess(string? text) => Read(text).Tier;

    /// <summary>
    /// Each piece of a longer message (<see cref="MessageChunks"/>, the pieces the semantic tier reads) on its own, and the
    /// most serious of them: a distancing frame in one sentence ("she doesn't know") does not distance risk in another.
    /// </summary>
    public static LexiconVerdict Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return default;
        }

        // Inbound text is already capped (InboundText.MaxLength); this keeps the detector bounded for any other caller.
        var capped = text.Length > MaxLength ? text[..MaxLength] : text;
        var chunks = MessageChunks.Split(capped);
        return chunks.Count <= 1 ? ReadOne(capped) : chunks.Select(ReadOne).MaxBy(v => (v.Tier, !v.Distanced, v.Level));
    }

    private static LexiconVerdict ReadOne(string text)
    {
        var normal = TextNormalizer.Normalize(text);
        if (string.IsNullOrWhiteSpace(normal) && CrisisLexicon.RiskEmoji.Any(e => text.Contains(e, StringComparison.Ordinal)))
        {
            return new LexiconVerdict(RiskLevel.SoftCheck, false);
        }

        if (IdiomPhrases.IsMatch(normal))
        {
            normal = IdiomPhrases.Replace(normal, " ");
        }

        var level = Level(normal);
        if (level == RiskLevel.None)
        {
            return default;
        }

        if (IsJoking(normal))
        {
            return new LexiconVerdict(RiskLevel.SoftCheck, false);
        }

        // "Not joking" and "honestly" are not denials: they are taken out before looking for a distancing frame. A frame the
        // person takes back ("asked if I was suicidal and I said yes", "it's back") distances nothing.
        var framed = DistancePhrases.IsMatch(SincerePhrases.Replace(normal, " "));
        var takenBack = framed && (ReaffirmPhrases.IsMatch(normal) || PastBroughtBack(normal));
        var firstPerson = level >= RiskLevel.Explicit && FirstPersonPhrases.IsMatch(normal);
        return new LexiconVerdict(level, framed && !takenBack, firstPerson, takenBack, firstPerson && SaidOfMyselfPhrases.IsMatch(normal));
    }

    private static RiskLevel Level(string normal)
    {
        if (ImminentPhrases.IsMatch(normal))
        {
            return RiskLevel.Imminent;
        }

        if (ExplicitPhrases.IsMatch(normal))
        {
            return UrgencyPhrases.IsMatch(normal) ? RiskLevel.Imminent : RiskLevel.Explicit;
        }

        return IndirectPhrases.IsMatch(normal) ? RiskLevel.Indirect : RiskLevel.None;
    }

    private static bool PastBroughtBack(string normal) => PastPhrases.IsMatch(normal) && PresentPhrases.IsMatch(normal);

    /// <summary>
    /// Whether a piece of a message tells of risk as long over (<see cref="CrisisLexicon.Past"/>) and nothing in it brings the
    /// risk back into the present: the sentence model's hit on such a piece is set aside (<see cref="SemanticRiskTier"/>).
    /// </summary>
    public static bool ToldAsPast(string text)
    {
        var normal = TextNormalizer.Normalize(text);
        return PastPhrases.IsMatch(normal) && !PresentPhrases.IsMatch(normal) && !ReaffirmPhrases.IsMatch(normal);
    }

    private static bool IsJoking(string normal) => JokePhrases.IsMatch(normal) && !SincerePhrases.IsMatch(normal);
}
