using System.Text.RegularExpressions;

namespace Bot.Core.Safety;

/// <summary>
/// What the sentence model reads: the person's words with the crisis key words spelled right ("wnat to dei" reads as
/// "want to die"; the model has never seen the typo) and laughter taken out ("lol", "haha", "💀"), which the model hears as
/// a joke although people laugh while they say sincere, frightening things. Everything else stays as written.
/// </summary>
public static partial class ModelText
{
    // The normaliser's spellings squeeze double letters ("kil"); the model reads words as people spell them.
    private static readonly Dictionary<string, string> Spelled = new(StringComparer.Ordinal)
    {
        ["kil"] = "kill",
        ["pils"] = "pills",
        ["tomorow"] = "tomorrow",
        ["al"] = "all",
        ["wil"] = "will",
        ["feling"] = "feeling",
        ["realy"] = "really",
    };

    public static string Prepare(string text)
    {
        var words = Word().Replace(text, m => Correct(m.Value) ?? m.Value);
        return Spaces().Replace(Laughter().Replace(words, " "), " ").Trim();
    }

    private static string? Correct(string word)
    {
        var lower = word.ToLowerInvariant();
        var squeezed = TextNormalizer.Squeeze(lower);
        var key = TextNormalizer.KeyWord(squeezed) ?? squeezed;
        var spelled = string.Join(' ', key.Split(' ').Select(k => Spelled.GetValueOrDefault(k, k)));

        // Unchanged, or only squeezed the way the normaliser squeezes every word ("realy"): the word as written.
        return spelled == lower || spelled == squeezed ? null : spelled;
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();

    [GeneratedRegex(@"(?i)\b(?:l+o+l+z*|l+m+f*a+o+|r+o+f+l+|(?:h+a+){2,}h*|(?:h+e+){2,}|j+k+|x+d+)\b|[\p{So}\p{Cs}\u200d\ufe0f]+")]
    private static partial Regex Laughter();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();
}
