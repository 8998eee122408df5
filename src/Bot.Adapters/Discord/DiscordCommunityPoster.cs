using System.Globalization;
using Bot.Core.Community;
using Bot.Core.Messaging;

namespace Bot.Adapters.Discord;

/// <summary>
/// Posts the daily community message to a server channel. Core's dispatcher decides when (per channel's time and time
/// zone) and counts the answers; it calls this through <see cref="ICommunityPoster"/>.
/// </summary>
public sealed class DiscordCommunityPoster(DiscordChatPlatform platform) : ICommunityPoster
{
    public Platform Platform => Platform.Discord;

    public Task<SendResult> PostAsync(ChatAddress channel, CommunityPost post, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        return DiscordChat.TryGetChannelId(channel, out var channelId)
            ? PostDailyAsync(channelId, post.AnsweredSinceLastPost ?? 0, idempotencyKey, cancellationToken)
            : Task.FromResult(SendResult.Refused("not a Discord channel address"));
    }

    public Task<SendResult> PostDailyAsync(string channelId, int answeredSinceLastPost, string idempotencyKey, CancellationToken cancellationToken) =>
        ulong.TryParse(channelId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? platform.SendRenderedAsync(null, id, DiscordMessageRenderer.RenderCommunityPost(DiscordCopy.English, answeredSinceLastPost), null, idempotencyKey, cancellationToken)
            : Task.FromResult(SendResult.Refused("not a Discord channel id"));
}
