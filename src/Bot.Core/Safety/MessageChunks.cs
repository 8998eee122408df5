using System.Text;

namespace Bot.Core.Safety;

/// <summary>
/// Splits a message into the pieces the semantic tier embeds: sentences, with short ones joined to their neighbour and long
/// ones cut, so one risk sentence in the middle of a long message is compared on its own and not drowned by the rest.
/// </summary>
public static class MessageChunks
{
    public const int MinWords = 4;
    public const int MaxWords = 40;

    public static IReadOnlyList<string> Split(string text)
    {
        var chunks = new List<string>();
        var current = new StringBuilder();
        var words = 0;
        foreach (var sentence in Sentences(text))
        {
            var sentenceWords = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (var word in sentenceWords)
            {
                if (words == MaxWords)
                {
                    Flush();
                }

                current.Append(current.Length > 0 ? " " : "").Append(word);
                words++;
            }

            if (words >= MinWords)
            {
                Flush();
            }
        }

        if (words > 0)
        {
            if (words < MinWords && chunks.Count > 0)
            {
                chunks[^1] += " " + current;
            }
            else
            {
                chunks.Add(current.ToString());
            }
        }

        return chunks;

        void Flush()
        {
            chunks.Add(current.ToString());
            current.Clear();
            words = 0;
        }
    }

    private static IEnumerable<string> Sentences(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] is '.' or '!' or '?' or ';' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1]))))
            {
                yield return text[start..(i + 1)];
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            yield return text[start..];
        }
    }
}
