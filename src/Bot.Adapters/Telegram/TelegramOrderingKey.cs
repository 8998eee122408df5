using Telegram.Bot.Types;

namespace Bot.Adapters.Telegram;

/// <summary>
/// The chat an update belongs to. Updates of one chat must reach the Core one at a time and in order (a button press
/// after the message that offered it); updates of different chats may run side by side.
/// </summary>
internal static class TelegramOrderingKey
{
    /// <summary>
    /// The chat's id, else the sender's id (a private chat's id is its person's id, so both land in the same lane).
    /// Null for an update with neither: all of those share one lane and stay in order among themselves.
    /// </summary>
    public static long? Of(Update update) =>
        update.Message?.Chat.Id
        ?? update.EditedMessage?.Chat.Id
        ?? update.ChannelPost?.Chat.Id
        ?? update.EditedChannelPost?.Chat.Id
        ?? update.CallbackQuery?.Message?.Chat.Id
        ?? update.CallbackQuery?.From.Id
        ?? update.MyChatMember?.Chat.Id;

    /// <summary>The <see cref="Bot.Core.Inbound.ChatLanes"/> lane of a chat (or of the chat-less updates).</summary>
    public static string Lane(long? chat) => chat?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none";
}
