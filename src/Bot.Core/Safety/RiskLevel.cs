namespace Bot.Core.Safety;

public enum RiskLevel
{
    None = 0,
    Possible = 1,
    High = 2,
}
