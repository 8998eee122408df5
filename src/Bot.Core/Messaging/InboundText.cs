using System.Text;

namespace Bot.Core.Messaging;

/// <summary>Makes free text safe to classify and store: no NUL or control characters, no lone surrogates, bounded length.</summary>
public static class InboundText
{
    public const int MaxLength = 2000;

    public static string? Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var builder = new StringBuilder(Math.Min(text.Length, MaxLength));
        for (var i = 0; i < text.Length && builder.Length < MaxLength; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    if (builder.Length + 2 > MaxLength)
                    {
                        break;
                    }

                    builder.Append(c).Append(text[i + 1]);
                    i++;
                }

                continue;
            }

            if (char.IsLowSurrogate(c) || c == '\uFFFD' || c == '\uFEFF')
            {
                continue;
            }

            if (char.IsControl(c))
            {
                if (c is '\n' or '\t')
                {
                    builder.Append(' ');
                }

                continue;
            }

            builder.Append(c);
        }

        var cleaned = builder.ToString().Trim();
        return cleaned.Length == 0 ? null : cleaned;
    }
}
