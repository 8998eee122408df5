using Bot.Adapters.Discord.Rest;
using Bot.Core.Messaging;

namespace Bot.Adapters.Discord;

/// <summary>
/// Posts the daily community message to a server channel. The job that decides when (per server's time and time zone)
/// and counts today's answers lives outside the adapter; it calls this.
/// </summary>
public sealed class DiscordCommunityPoster(DiscordRestClient rest)
{
    public async Task<SendResult> PostDailyAsync(string channelId, int answeredToday, string idempotencyKey, CancellationToken cancellationToken)
    {
        var payload = DiscordMessageRenderer.RenderCommunityPost(DiscordCopy.English, answeredToday);
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
