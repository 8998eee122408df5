using System.Globalization;
using System.Text;

namespace Bot.Core.Conversations;

/// <summary>
/// A mood sent as emoji ("😩", "🙂🙂"): the common faces map to the five moods. Ironic or mixed ones ("🙃", "😊😭") are not
/// guessed: they stay the person's own words. Skulls, knives and pills are never a mood: the crisis check sees them first.
/// </summary>
public static class MoodEmoji
{
    public static readonly IReadOnlyDictionary<string, string> Moods = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["😔"] = "heavy", ["😞"] = "heavy", ["😢"] = "heavy", ["😭"] = "heavy", ["😟"] = "heavy", ["🙁"] = "heavy", ["☹"] = "heavy",
        ["😣"] = "heavy", ["😖"] = "heavy", ["😿"] = "heavy", ["🥺"] = "heavy", ["💔"] = "heavy", ["🌧"] = "heavy", ["⛈"] = "heavy",
        ["😥"] = "heavy", ["😓"] = "heavy",
        ["😩"] = "tired", ["😫"] = "tired", ["😴"] = "tired", ["🥱"] = "tired", ["😪"] = "tired", ["🪫"] = "tired", ["😮‍💨"] = "tired",
        ["😐"] = "okay", ["😑"] = "okay", ["🙂"] = "okay", ["👍"] = "okay", ["👌"] = "okay", ["🤷"] = "okay", ["🆗"] = "okay",
        ["⛅"] = "okay", ["🌥"] = "okay",
        ["😌"] = "steady", ["🧘"] = "steady", ["🌿"] = "steady", ["⚓"] = "steady",
        ["😊"] = "bright", ["😀"] = "bright", ["😃"] = "bright", ["😄"] = "bright", ["😁"] = "bright", ["🥰"] = "bright", ["😍"] = "bright",
        ["🤩"] = "bright", ["☀"] = "bright", ["🌞"] = "bright", ["🌈"] = "bright", ["✨"] = "bright", ["🌤"] = "bright", ["😎"] = "bright",
    };

    /// <summary>The mood when the message is only emoji that all name the same one; null otherwise.</summary>
    public static string? MoodOf(string text)
    {
        string? mood = null;
        foreach (var emoji in Emoji(text))
        {
            if (emoji is null || !Moods.TryGetValue(emoji, out var named) || (mood is not null && named != mood))
            {
                return null;
            }

            mood = named;
        }

        return mood;
    }

    /// <summary>The message has no words at all, only emoji (and spaces or punctuation).</summary>
    public static bool IsOnlyEmoji(string text)
    {
        var any = false;
        foreach (var emoji in Emoji(text))
        {
            if (emoji is null)
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    /// <summary>Each emoji with skin tones and presentation selectors taken off; null for a letter or digit.</summary>
    private static IEnumerable<string?> Emoji(string text)
    {
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = (string)elements.Current;
            var bare = new StringBuilder(element.Length);
            foreach (var rune in element.EnumerateRunes())
            {
                if (rune.Value is 0xFE0F or 0xFE0E || rune.Value is >= 0x1F3FB and <= 0x1F3FF)
                {
                    continue;
                }

                if (Rune.IsLetterOrDigit(rune))
                {
                    yield return null;
                    yield break;
                }

                bare.Append(rune.ToString());
            }

            var value = bare.ToString();
            if (value.Length == 0 || (value.Length == 1 && (value[0] < 0x80 || char.IsWhiteSpace(value[0]) || char.IsPunctuation(value[0]))))
            {
                continue;
            }

            // A gendered or toned ZWJ sequence ("🤷‍♀️") reads as its first person: "🤷".
            yield return Moods.ContainsKey(value) || !value.Contains('\u200D', StringComparison.Ordinal) ? value : value[..value.IndexOf('\u200D', StringComparison.Ordinal)];
        }
    }
}
