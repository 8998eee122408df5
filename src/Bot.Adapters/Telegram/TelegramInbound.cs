using Bot.Core.Messaging;

namespace Bot.Adapters.Telegram;

/// <summary>What one Telegram update means for CompassionBot, plus the chores the adapter owes Telegram for it.</summary>
/// <param name="CallbackQueryId">Set for every callback query: it must be answered whatever the outcome.</param>
/// <param name="ButtonMessageId">The message whose keyboard was pressed, so the adapter can retire that keyboard.</param>
public sealed record TelegramInbound(
    TelegramInboundKind Kind,
    InboundMessage? Message = null,
    string? CallbackQueryId = null,
    int? ButtonMessageId = null,
    ChatAddress? Chat = null,
    bool? Reachable = null)
{
    public static readonly TelegramInbound Nothing = new(TelegramInboundKind.Ignored);
}
