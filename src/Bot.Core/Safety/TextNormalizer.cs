using System.Text;

namespace Bot.Core.Safety;

/// <summary>
/// Puts text into one plain form before any phrase matching: lower case, no apostrophes or punctuation, leetspeak and masking
/// undone inside words ("su1cide", "s*icide"), every run of a repeated letter squeezed to one ("diiie" and "die" both become
/// "die", "kill" becomes "kil"), and common contractions, slang and misspellings mapped to one spelling.
/// Patterns go through the same function, so they match whatever shape the person typed.
/// </summary>
public static class TextNormalizer
{
    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        ["wana"] = "want to",
        ["wanna"] = "want to",
        ["wan"] = "want",
        ["gona"] = "going to",
        ["gonna"] = "going to",
        ["gota"] = "got to",
        ["ima"] = "im going to",
        ["imma"] = "im going to",
        ["finna"] = "going to",
        ["fina"] = "going to",
        ["cannot"] = "cant",
        ["u"] = "you",
        ["ur"] = "your",
        ["r"] = "are",
        ["rn"] = "right now",
        ["tn"] = "tonight",
        ["tonite"] = "tonight",
        ["2nite"] = "tonight",
        ["tmrw"] = "tomorow",
        ["tmr"] = "tomorow",
        ["tomoro"] = "tomorow",
        ["myslef"] = "myself",
        ["mysef"] = "myself",
        ["myslf"] = "myself",
        ["meself"] = "myself",
        ["maself"] = "myself",
        ["sucide"] = "suicide",
        ["suicde"] = "suicide",
        ["suiside"] = "suicide",
        ["suacide"] = "suicide",
        ["suicid"] = "suicide",
        ["sucidal"] = "suicidal",
        ["suicdal"] = "suicidal",
        ["suisidal"] = "suicidal",
        ["sewerslide"] = "suicide",
        ["selfharm"] = "self harm",
        ["selfharming"] = "self harming",
        ["kilmyself"] = "kil myself",
        ["wanadie"] = "want to die",
        ["wantdie"] = "want to die",
        ["iwanadie"] = "i want to die",
        ["dont"] = "dont",
        ["idk"] = "i dont know",
        ["pls"] = "please",
        ["plz"] = "please",
        ["anymore"] = "anymore",
        ["any"] = "any",
        ["alive"] = "alive",
        ["noone"] = "no one",
        ["nobody"] = "no one",
        ["everybody"] = "everyone",
        ["thats"] = "thats",
        ["wat"] = "what",
        ["ded"] = "dead",
        ["tak"] = "take",
        ["al"] = "al",
        ["thinkin"] = "thinking",
        ["bout"] = "about",
        ["gon"] = "going to",
        ["tryna"] = "trying to",
        ["cant"] = "cant",
        ["wont"] = "wont",
        ["selfdelete"] = "self delete",
        ["selfdeleting"] = "self deleting",
        ["wut"] = "what",
        // Texting shortcuts around the key words, so the phrases still line up ("feel lik dying", "nothin left").
        ["lik"] = "like",
        ["felin"] = "feling",
        ["livin"] = "living",
        ["dyin"] = "dying",
        ["dieing"] = "dying",
        ["tryin"] = "trying",
        ["goin"] = "going",
        ["nothin"] = "nothing",
        ["somethin"] = "something",
        ["evry"] = "every",
        ["evryone"] = "everyone",
        ["evrything"] = "everything",
        ["everythin"] = "everything",
        ["anymor"] = "anymore",
        ["cuz"] = "because",
        ["coz"] = "because",
        ["bc"] = "because",
        ["becuz"] = "because",
        ["pl"] = "people",
        ["abt"] = "about",
        ["ik"] = "i know",
        ["dnt"] = "dont",
        ["cnt"] = "cant",
        ["rly"] = "realy",
        ["srsly"] = "seriously",
        ["thru"] = "through",
        ["alot"] = "a lot",
        ["ya"] = "you",
    };

    private static readonly (string From, string To)[] Phrases =
    [
        (" i am ", " im "),
        (" do not ", " dont "),
        (" can not ", " cant "),
        (" will not ", " wont "),
        (" what is ", " whats "),
        (" it is ", " its "),
        (" any more ", " anymore "),
        (" want to to ", " want to "),
        (" no body ", " no one "),
        (" self harm ", " self harm "),
        (" i will ", " il "),
        (" ill ", " il "),
    ];

    public static string Normalize(string text)
    {
        var lower = text.ToLowerInvariant();
        var builder = new StringBuilder(lower.Length + 2);
        builder.Append(' ');
        var previousLetter = '\0';
        var wasSpace = true;
        for (var i = 0; i < lower.Length; i++)
        {
            var c = Unmask(lower, i);
            if (c is '\'' or '’' or '‘' or '`' or '´')
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                c = Fold(c);
                if (c == previousLetter && char.IsLetter(c))
                {
                    continue;
                }

                builder.Append(c);
                previousLetter = c;
                wasSpace = false;
            }
            else if (!wasSpace)
            {
                builder.Append(' ');
                previousLetter = '\0';
                wasSpace = true;
            }
        }

        if (!wasSpace)
        {
            builder.Append(' ');
        }

        var squeezed = builder.ToString();
        var mapped = MapWords(squeezed);
        foreach (var (from, to) in Phrases)
        {
            if (mapped.Contains(from, StringComparison.Ordinal))
            {
                mapped = mapped.Replace(from, to, StringComparison.Ordinal);
            }
        }

        return mapped;
    }

    /// <summary>Leetspeak and masking, only inside words: "su1cide", "k1ll", "s*icide", "su!cide". Plain numbers stay numbers.</summary>
    private static char Unmask(string text, int i)
    {
        var c = text[i];
        if (c is >= 'a' and <= 'z')
        {
            return c;
        }

        var before = i > 0 && char.IsLetter(text[i - 1]);
        var after = i + 1 < text.Length && char.IsLetter(text[i + 1]);
        return c switch
        {
            '0' when before || after => 'o',
            '1' when before || after => 'i',
            '3' when before || after => 'e',
            '4' when before && after => 'a',
            '5' when before || after => 's',
            '7' when before && after => 't',
            '@' when before || after => 'a',
            '$' when after => 's',
            '!' when before && after => 'i',
            '*' when before && after => text[i - 1] == 's' ? 'u' : 'i',
            _ => c,
        };
    }

    /// <summary>Accents off the common Latin letters, so "méxico" and "mexico" are one word.</summary>
    private static char Fold(char c) => c switch
    {
        'á' or 'à' or 'â' or 'ä' or 'ã' => 'a',
        'é' or 'è' or 'ê' or 'ë' => 'e',
        'í' or 'ì' or 'î' or 'ï' => 'i',
        'ó' or 'ò' or 'ô' or 'ö' or 'õ' => 'o',
        'ú' or 'ù' or 'û' or 'ü' => 'u',
        'ñ' => 'n',
        'ç' => 'c',
        _ => c,
    };

    private static string MapWords(string squeezed)
    {
        var tokens = JoinSpelledOut(squeezed.Split(' ', StringSplitOptions.RemoveEmptyEntries), out var changed);
        for (var i = 0; i < tokens.Length; i++)
        {
            var mapped = KeyWord(tokens[i]);
            if (mapped is not null && mapped != tokens[i])
            {
                tokens[i] = mapped;
                changed = true;
            }
        }

        return changed ? " " + string.Join(' ', tokens) + " " : squeezed;
    }

    /// <summary>The lexicon's spelling of one squeezed word ("ded" is "dead", "wnat" is "want"), or null when it has none.</summary>
    public static string? KeyWord(string squeezedWord) =>
        Words.TryGetValue(squeezedWord, out var known) ? known : KeyWordTypos.Correct(squeezedWord);

    internal static string Squeeze(string word)
    {
        var builder = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            if (builder.Length == 0 || builder[^1] != c)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>"d i e" and "k i l l" spelled out letter by letter become one word (three or more single letters in a row).</summary>
    private static string[] JoinSpelledOut(string[] tokens, out bool changed)
    {
        changed = false;
        var run = 0;
        for (var i = 0; i <= tokens.Length; i++)
        {
            if (i < tokens.Length && tokens[i].Length == 1 && char.IsLetter(tokens[i][0]))
            {
                run++;
                continue;
            }

            if (run >= 3)
            {
                changed = true;
                var joined = new List<string>(tokens.Length);
                joined.AddRange(tokens[..(i - run)]);
                joined.Add(Squeeze(string.Concat(tokens[(i - run)..i])));
                joined.AddRange(tokens[i..]);
                return JoinSpelledOut([.. joined], out _);
            }

            run = 0;
        }

        return tokens;
    }
}
