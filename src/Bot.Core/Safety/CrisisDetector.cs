using System.Text.RegularExpressions;

namespace Bot.Core.Safety;

/// <summary>
/// Looks for crisis language in any text, in any state, before anything else runs. A tiered lexicon over normalised text
/// (<see cref="TextNormalizer"/>), with figures of speech and names taken out first, and laughter turning an explicit
/// phrase into a light check rather than silence (content guide §5.5–5.6).
/// </summary>
public static class CrisisDetector
{
    private static readonly Regex ImminentPhrases = PhrasePatterns.Compile(CrisisLexicon.Imminent);
    private static readonly Regex ExplicitPhrases = PhrasePatterns.Compile(CrisisLexicon.Explicit);
    private static readonly Regex IndirectPhrases = PhrasePatterns.Compile(CrisisLexicon.Indirect);
    private static readonly Regex IdiomPhrases = PhrasePatterns.Compile(CrisisLexicon.Idioms);
    private static readonly Regex LaughterPhrases = PhrasePatterns.Compile(CrisisLexicon.Laughter);
    private static readonly Regex SincerePhrases = PhrasePatterns.Compile(CrisisLexicon.Sincere);
    private static readonly Regex UrgencyPhrases = PhrasePatterns.Compile(CrisisLexicon.Urgency);

    public const int MaxLength = 4000;

    private static readonly string[] LaughingEmoji = ["😂", "🤣", "💀", "😆", "😹"];

    public static RiskLevel Assess(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return RiskLevel.None;
        }

        // Inbound text is already capped (InboundText.MaxLength); this keeps the detector bounded for any other caller.
        var normal = TextNormalizer.Normalize(text.Length > MaxLength ? text[..MaxLength] : text);
        if (IdiomPhrases.IsMatch(normal))
        {
            normal = IdiomPhrases.Replace(normal, " ");
        }

        if (ImminentPhrases.IsMatch(normal))
        {
            return RiskLevel.Imminent;
        }

        if (ExplicitPhrases.IsMatch(normal))
        {
            if (UrgencyPhrases.IsMatch(normal))
            {
                return RiskLevel.Imminent;
            }

            return IsJoking(text, normal) ? RiskLevel.SoftCheck : RiskLevel.Explicit;
        }

        if (IndirectPhrases.IsMatch(normal))
        {
            return IsJoking(text, normal) ? RiskLevel.SoftCheck : RiskLevel.Indirect;
        }

        return RiskLevel.None;
    }

    private static bool IsJoking(string raw, string normal) =>
        (LaughterPhrases.IsMatch(normal) || LaughingEmoji.Any(e => raw.Contains(e, StringComparison.Ordinal)))
        && !SincerePhrases.IsMatch(normal);
}
