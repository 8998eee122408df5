namespace Bot.Core.Safety;

/// <summary>How worried to be, in the content guide's tiers (§5.5). Ordered: higher is more urgent.</summary>
public enum RiskLevel
{
    None = 0,

    /// <summary>A risk phrase inside an obvious joke or idiom ("kms lol this printer"): a light check, never ignored.</summary>
    SoftCheck = 1,

    /// <summary>Tier 3 and coded language: indirect or passive ("I can't do this anymore"): ask directly.</summary>
    Indirect = 2,

    /// <summary>Tier 2: explicit ideation or self-harm.</summary>
    Explicit = 3,

    /// <summary>Tier 1: a plan, means, a time, or harm already done.</summary>
    Imminent = 4,
}
