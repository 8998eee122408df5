using System.Text.RegularExpressions;

namespace Bot.Core.Safety;

/// <summary>Looks for crisis language in any text, in any state, before anything else runs.</summary>
public static partial class CrisisDetector
{
    public static RiskLevel Assess(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return RiskLevel.None;
        }

        return HighRisk().IsMatch(text) ? RiskLevel.High : RiskLevel.None;
    }

    [GeneratedRegex(@"\b(kill(ing)? myself|end(ing)? (my|it) (life|all)|suicid\w*|want to die|kms|unalive)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HighRisk();
}
