namespace Bot.Core.Safety;

/// <summary>
/// The key words of the crisis lexicon as people type them on a phone: one letter wrong, missing, extra, or two letters
/// swapped ("suicdal", "myslef", "anymroe") become the word. Short words are too close to other words for that ("went" is
/// not "want"), so they are forgiven only a swap ("wnat", "lfie", "dei"). Words go in squeezed ("kil", "pils"), as the
/// normaliser leaves them.
/// </summary>
public static class KeyWordTypos
{
    private static readonly string[] AnyOneEdit = ["suicide", "suicidal", "myself", "anymore", "overdose", "unalive", "goodbye", "forever", "existing"];

    private static readonly string[] SwapOnly =
    [
        "want", "wana", "life", "live", "die", "dead", "kil", "end", "pils", "alive", "living", "hurt", "harm", "wish", "going",
        "dying", "ending", "myself", "tonight",
    ];

    private static readonly HashSet<string> Known = [.. AnyOneEdit, .. SwapOnly];

    public static string? Correct(string token)
    {
        if (token.Length < 3 || Known.Contains(token))
        {
            return null;
        }

        foreach (var word in SwapOnly)
        {
            if (IsOneSwap(token, word))
            {
                return word;
            }
        }

        if (token.Length < 5)
        {
            return null;
        }

        foreach (var word in AnyOneEdit)
        {
            if (WithinOneEdit(token, word))
            {
                return word;
            }
        }

        return null;
    }

    private static bool IsOneSwap(string a, string b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        var first = -1;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] == b[i])
            {
                continue;
            }

            if (first >= 0)
            {
                return i == first + 1 && a[first] == b[i] && a[i] == b[first] && a[(i + 1)..] == b[(i + 1)..];
            }

            first = i;
        }

        return false;
    }

    /// <summary>Damerau-Levenshtein distance of at most one: one substitution, insertion, deletion or adjacent swap.</summary>
    private static bool WithinOneEdit(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        if (a.Length == b.Length)
        {
            var differences = 0;
            for (var i = 0; i < a.Length; i++)
            {
                differences += a[i] != b[i] ? 1 : 0;
            }

            return differences == 1 || IsOneSwap(a, b);
        }

        var (longer, shorter) = a.Length > b.Length ? (a, b) : (b, a);
        for (var i = 0; i < longer.Length; i++)
        {
            if (string.CompareOrdinal(longer, 0, shorter, 0, i) == 0 && string.CompareOrdinal(longer, i + 1, shorter, i, shorter.Length - i) == 0)
            {
                return true;
            }
        }

        return false;
    }
}
