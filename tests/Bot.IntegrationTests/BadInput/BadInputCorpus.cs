using System.Globalization;
using System.Text;

namespace Bot.IntegrationTests.BadInput;

/// <summary>Hostile, broken and merely unusual message texts: at least 200 of them, the same for every adapter.</summary>
internal static class BadInputCorpus
{
    /// <summary>Markup that must never reach a platform unescaped or pinging anyone.</summary>
    public static readonly string[] DangerousMarkup =
    [
        "<b>bold</b>", "<script>alert(1)</script>", "<a href=\"tg://user?id=1\">x</a>", "</code><pre>", "@everyone", "@here",
        "<@200000000000000002>", "<@&300000000000000003>", "<#400000000000000004>",
    ];

    private static readonly string[] Bases =
    [
        "\0", "hi\0there", "\0\0\0/checkin", "/checkin\0", "/help\0", new string('\0', 300),
        "\uD800", "abc\uDC00def", "\uDBFF\uDBFF", "\uD83D", "\uDE00\uD83D", "ok \uD800\uDC00\uDC00",
        new string('a', 100_000), string.Concat(Enumerable.Repeat("\uD83C\uDF31", 25_000)), new string('\u202E', 100_000),
        "e" + string.Concat(Enumerable.Repeat("\u0301", 50_000)),
        "\u202Eevil\u202C", "\u0645\u0631\u062D\u0628\u0627 \u0643\u064A\u0641 \u062D\u0627\u0644\u0643", "\u200F\u200F\u200F\u200E",
        "\u05E9\u05DC\u05D5\u05DD \u202B3\u202C", "Z" + string.Concat(Enumerable.Repeat("\u0336\u0337\u0338\u0489", 500)),
        .. DangerousMarkup,
        "&lt;&amp;&gt;", "**bold** __u__ ||spoiler|| ~~s~~", "```\ncode\n```", "[link](http://example.invalid)", "@CompassionTestBot",
        "\u0007\u001b[31mred\u001b[0m", "\r\n\r\n", "\t\t", "\u2028\u2029", "\u200B\u200C\u200D\uFEFF", "\uFFFD\uFFFF\uFFFE",
        "/", "//", "/checkin@OtherBot", "/checkin " + new string('x', 5000), "/NOSUCHCOMMAND", "/start \0",
        "99999999999999999999", "-1", "0", "1e309", "NaN", "   ", "\u3000", "{\"a\":1}", "'; DROP TABLE people; --",
        "\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67",
    ];

    private static readonly Func<string, string>[] Wrappers =
    [
        s => s,
        s => "I feel " + s,
        s => s + " /checkin",
        s => s.ToUpperInvariant(),
        s => s + s[..Math.Min(s.Length, 7)],
    ];

    public static IReadOnlyList<string> Texts { get; } = [.. Bases.SelectMany(b => Wrappers.Select(w => w(b)))];

    /// <summary>
    /// A JSON string literal with every non-ASCII and control character escaped as \uXXXX, so invalid UTF-16 (lone
    /// surrogates) survives into the payload exactly as a broken client could send it.
    /// </summary>
    public static string JsonLiteral(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            if (c is '"' or '\\')
            {
                builder.Append('\\').Append(c);
            }
            else if (c < 0x20 || c > 0x7e)
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.Append('"').ToString();
    }
}
