using System.Text;
using System.Text.RegularExpressions;

namespace Bot.Core.Safety;

/// <summary>
/// Compiles readable phrase patterns into a <see cref="PhraseSet"/> over <see cref="TextNormalizer"/> output.
/// Syntax: words separated by spaces; "a|b" offers alternatives (use "_" for a space inside one);
/// "*" allows up to three words in between; a pattern starting with "re:" is a raw expression over normalised text.
/// </summary>
public static class PhrasePatterns
{
    public static PhraseSet Compile(IEnumerable<string> patterns) => new(Parts(patterns.Select(ToRegex).ToArray()));

    /// <summary>
    /// Linear time whatever people type, and fast for long alternations: the non-backtracking engine. A list too large for
    /// its automaton is split in halves until each half fits, rather than handed whole to the backtracking engine (whose
    /// compiled form of a list this long is too large for the JIT to optimise: it ran unoptimised, several percent of the
    /// bot's CPU). A single expression the engine cannot take (a lookaround) goes to the backtracking engine alone. Its
    /// wildcards are bounded ({0,3} words) and inputs are capped, so there is no timeout: a timeout would throw away a
    /// crisis message on a busy machine, which is worse than a slow reply.
    /// </summary>
    private static List<Regex> Parts(string[] alternatives)
    {
        var source = "(?:" + string.Join("|", alternatives) + ")";
        try
        {
            return [new Regex(source, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking | RegexOptions.ExplicitCapture)];
        }
        catch (NotSupportedException) when (alternatives.Length > 1)
        {
            var half = alternatives.Length / 2;
            return [.. Parts(alternatives[..half]), .. Parts(alternatives[half..])];
        }
        catch (NotSupportedException)
        {
            return [new Regex(source, RegexOptions.CultureInvariant | RegexOptions.Compiled | RegexOptions.ExplicitCapture, Regex.InfiniteMatchTimeout)];
        }
    }

    public static string ToRegex(string pattern)
    {
        if (pattern.StartsWith("re:", StringComparison.Ordinal))
        {
            var raw = pattern[3..].TrimStart();
            return "(?:" + (raw.StartsWith('^') ? raw : " " + raw) + ")";
        }

        var tokens = pattern.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var builder = new StringBuilder("(?: ");
        for (var i = 0; i < tokens.Length; i++)
        {
            if (tokens[i] == "*")
            {
                builder.Append("(?:[a-z0-9]+ ){0,3}");
                continue;
            }

            var options = tokens[i].Split('|').Select(o => Regex.Escape(TextNormalizer.Normalize(o.Replace('_', ' ')).Trim()));
            builder.Append("(?:").Append(string.Join("|", options)).Append(')');
            builder.Append(' ');
        }

        return builder.Append(')').ToString();
    }
}
