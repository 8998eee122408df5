using System.Text.RegularExpressions;

namespace Bot.Core.Safety;

/// <summary>A list of phrase patterns (<see cref="PhrasePatterns"/>), matched as one: the text holds any of them.</summary>
public sealed class PhraseSet(IReadOnlyList<Regex> parts)
{
    public bool IsMatch(string text)
    {
        foreach (var part in parts)
        {
            if (part.IsMatch(text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every occurrence of any of the phrases replaced (list by list, in order).</summary>
    public string Replace(string text, string replacement)
    {
        foreach (var part in parts)
        {
            text = part.Replace(text, replacement);
        }

        return text;
    }

    /// <summary>How many expressions the list was compiled into (one unless it was too large for one automaton).</summary>
    internal int Parts => parts.Count;
}
