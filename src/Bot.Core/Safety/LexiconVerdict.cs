namespace Bot.Core.Safety;

/// <summary>The lexicon's tier for a message, and whether its risk words stand in a distancing frame (denied, past, another's).</summary>
public readonly record struct LexiconVerdict(RiskLevel Level, bool Distanced)
{
    /// <summary>The lexicon's answer on its own: a distanced mention is asked about, never urgent.</summary>
    public RiskLevel Tier => Distanced ? RiskLevel.Indirect : Level;
}
