using System.Globalization;
using System.Text;
using Bot.Core.Messaging;
using Telegram.Bot.Types.ReplyMarkups;

namespace Bot.Adapters.Telegram;

/// <summary>Pure: OutboundMessage -> escaped HTML parts + inline keyboard with bound, versioned callback data.</summary>
public static class TelegramMessageRenderer
{
    /// <summary>Telegram's limit for one message, counted after entities are parsed (so on the unescaped text).</summary>
    public const int MaxMessageLength = 4096;

    private const int MaxButtonsPerRow = 3;
    private const int ShortLabelLength = 14;

    /// <param name="checkInDeepLink">Where the community post's button leads; needed only for a community post.</param>
    public static TelegramRenderedMessage Render(OutboundMessage message, TelegramCallbackData callbackData, Uri? checkInDeepLink = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(callbackData);

        if (message.Chat.Platform != Platform.Telegram
            || !long.TryParse(message.Chat.ChatId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var chatId))
        {
            throw new ArgumentException("The message is not addressed to a Telegram chat.", nameof(message));
        }

        if (message.CommunityPost is not null)
        {
            var (html, invitation) = TelegramCommunityPost.Render(
                checkInDeepLink ?? throw new ArgumentException("A community post needs the check-in deep link.", nameof(checkInDeepLink)),
                TelegramCopy.English);
            return new TelegramRenderedMessage(chatId, [html], invitation);
        }

        var parts = Split(message.Text, MaxMessageLength).Select(EscapeHtml).ToList();
        var keyboard = message.Choices.Count == 0 ? null : Keyboard(chatId, message.Choices, callbackData);
        return new TelegramRenderedMessage(chatId, parts, keyboard);
    }

    /// <summary>Everything is sent as HTML, and all of it is escaped: copy and anything a person wrote alike.</summary>
    public static string EscapeHtml(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    /// <summary>Splits at a line break or space where possible, never inside a surrogate pair; no part is empty.</summary>
    public static IReadOnlyList<string> Split(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);

        var parts = new List<string>();
        var rest = text.AsSpan().Trim();
        while (rest.Length > maxLength)
        {
            var window = rest[..maxLength];
            var cut = window.LastIndexOf('\n');
            if (cut < maxLength / 2)
            {
                cut = window.LastIndexOf(' ');
            }

            if (cut < maxLength / 2)
            {
                cut = char.IsHighSurrogate(window[^1]) ? maxLength - 1 : maxLength;
            }

            parts.Add(rest[..cut].TrimEnd().ToString());
            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0 || parts.Count == 0)
        {
            parts.Add(rest.ToString());
        }

        return parts;
    }

    private static InlineKeyboardMarkup Keyboard(long chatId, IReadOnlyList<ReplyChoice> choices, TelegramCallbackData callbackData)
    {
        var perRow = choices.Any(c => c.Label.Length > ShortLabelLength) ? 1 : MaxButtonsPerRow;
        var rows = choices
            .Select(c => InlineKeyboardButton.WithCallbackData(c.Label, callbackData.Encode(chatId, c.Id)))
            .Chunk(perRow)
            .ToArray();
        return new InlineKeyboardMarkup(rows);
    }
}
