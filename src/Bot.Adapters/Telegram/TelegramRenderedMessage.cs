using Telegram.Bot.Types.ReplyMarkups;

namespace Bot.Adapters.Telegram;

/// <summary>One outbound message as Telegram needs it: HTML parts of at most 4096 characters; the keyboard rides on the last.</summary>
public sealed record TelegramRenderedMessage(long ChatId, IReadOnlyList<string> HtmlParts, InlineKeyboardMarkup? Keyboard);
