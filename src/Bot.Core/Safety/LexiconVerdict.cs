namespace Bot.Core.Safety;

/// <summary>
/// The lexicon's tier for a message, whether its risk words stand in a distancing frame (denied, past, another's), and
/// whether an explicit phrase is a person saying it of themselves, now (<see cref="CrisisLexicon.FirstPerson"/>), and whether
/// a distancing frame was there and taken back ("I was clean for a year but the urges are back tonight"): the sentence model
/// hears the frame and not the turn, so it may not overrule such a phrase; and whether "I" say it of myself
/// (<see cref="CrisisLexicon.SaidOfMyself"/>), which a frame does not silence.
/// </summary>
public readonly record struct LexiconVerdict(RiskLevel Level, bool Distanced, bool FirstPerson = false, bool TakenBack = false, bool SaidOfMyself = false)
{
    /// <summary>The lexicon's answer on its own: a distanced mention is asked about, never urgent.</summary>
    public RiskLevel Tier => Distanced ? RiskLevel.Indirect : Level;
}
