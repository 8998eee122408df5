using Bot.Adapters.Discord.Rest;
using Bot.Core.Community;
using Bot.Core.Messaging;

namespace Bot.Adapters.Discord;

/// <summary>
/// Posts the daily community message to a server channel. Core's dispatcher decides when (per channel's time and time
/// zone) and counts the answers; it calls this through <see cref="ICommunityPoster"/>.
/// </summary>
public sealed class DiscordCommunityPoster(DiscordRestClient rest) : ICommunityPoster
{
    public Platform Platform => Platform.Discord;

    public Task<SendResult> PostAsync(ChatAddress channel, CommunityPost post, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        return DiscordChat.TryGetChannelId(channel, out var channelId)
            ? PostDailyAsync(channelId, post.AnsweredSinceLastPost ?? 0, idempotencyKey, cancellationToken)
            : Task.FromResult(SendResult.Refused("not a Discord channel address"));
    }

    public async Task<SendResult> PostDailyAsync(string channelId, int answeredSinceLastPost, string idempotencyKey, CancellationToken cancellationToken)
    {
        var payload = DiscordMessageRenderer.RenderCommunityPost(DiscordCopy.English, answeredSinceLastPost);
        payload["nonce"] = DiscordMessageRenderer.Nonce(idempotencyKey);
        payload["enforce_nonce"] = true;
        var response = await rest.CreateMessageAsync(channelId, payload, null, cancellationToken);
        return response switch
        {
            { IsSuccess: true } => SendResult.Sent,
            { StatusCode: 429 } => SendResult.RateLimited(response.RetryAfter ?? TimeSpan.FromSeconds(1)),
            { IsTransient: true } => SendResult.Later(null, $"discord HTTP {response.StatusCode}"),
            _ => SendResult.Refused($"discord HTTP {response.StatusCode} code {response.ErrorCode}"),
        };
    }
}
