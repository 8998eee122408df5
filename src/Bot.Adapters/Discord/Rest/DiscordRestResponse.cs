using System.Text.Json;

namespace Bot.Adapters.Discord.Rest;

/// <summary>One REST answer after rate limits and retries. StatusCode 0 means no answer arrived (timeout or network).</summary>
public sealed record DiscordRestResponse(int StatusCode, JsonElement Body, int? ErrorCode, TimeSpan? RetryAfter)
{
    public bool IsSuccess => StatusCode is >= 200 and < 300;

    public bool IsTransient => StatusCode is 0 or >= 500;

    internal static DiscordRestResponse NoAnswer { get; } = new(0, default, null, null);
}
