using System.Text;
using System.Text.RegularExpressions;

namespace Bot.Core.Safety;

/// <summary>
/// Compiles readable phrase patterns into one regular expression over <see cref="TextNormalizer"/> output.
/// Syntax: words separated by spaces; "a|b" offers alternatives (use "_" for a space inside one);
/// "*" allows up to three words in between; a pattern starting with "re:" is a raw expression over normalised text.
/// </summary>
public static class PhrasePatterns
{
    public static Regex Compile(IEnumerable<string> patterns)
    {
        var alternatives = patterns.Select(ToRegex).ToArray();
        var source = "(?:" + string.Join("|", alternatives) + ")";
        try
        {
            // Linear time whatever people type, and fast for long alternations.
            return new Regex(source, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking | RegexOptions.ExplicitCapture);
        }
        catch (NotSupportedException)
        {
            // The largest lists exceed the automaton size limit: the backtracking engine then. Its wildcards are bounded
            // ({0,3} words) and inputs are capped, so there is no timeout: a timeout would throw away a crisis message
            // on a busy machine, which is worse than a slow reply.
            return new Regex(source, RegexOptions.CultureInvariant | RegexOptions.Compiled | RegexOptions.ExplicitCapture, Regex.InfiniteMatchTimeout);
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
