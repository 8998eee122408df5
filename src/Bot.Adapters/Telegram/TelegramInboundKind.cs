namespace Bot.Adapters.Telegram;

public enum TelegramInboundKind
{
    /// <summary>Nothing for the conversation (edits, stickers, other bots, group chatter). A callback is still answered.</summary>
    Ignored = 0,

    /// <summary>Text, a command or a valid button press for the inbound handler.</summary>
    Message = 1,

    /// <summary>A stale, foreign or unreadable button: answer kindly, change nothing.</summary>
    ExpiredButton = 2,

    /// <summary>The person blocked or unblocked the bot.</summary>
    ReachabilityChanged = 3,
}
