using Bot.Core.Messaging;

namespace Bot.Adapters.Discord;

/// <summary>
/// ChatAddress.ChatId on Discord: the person's user id for private conversations (the DM channel is looked up and cached
/// when sending), or "channel:{channelId}" for a community channel.
/// </summary>
public static class DiscordChat
{
    public const string ChannelPrefix = "channel:";

    public static ChatAddress Person(string userId) => new(Platform.Discord, userId);

    public static ChatAddress Channel(string channelId) => new(Platform.Discord, ChannelPrefix + channelId);

    public static bool TryGetChannelId(ChatAddress chat, out string channelId)
    {
        if (chat.ChatId.StartsWith(ChannelPrefix, StringComparison.Ordinal))
        {
            channelId = chat.ChatId[ChannelPrefix.Length..];
            return true;
        }

        channelId = "";
        return false;
    }
}
