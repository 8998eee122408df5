using System.Collections.Concurrent;
using Bot.Adapters.Discord.Rest;
using Bot.Core.Messaging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Adapters.Discord;

/// <summary>Sends outbox messages as Discord messages and translates Discord's answers into a SendResult.</summary>
public sealed partial class DiscordChatPlatform(
    DiscordRestClient rest,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<DiscordChatPlatform> logger) : IChatPlatform
{
    private const int CannotMessageUser = 50007;
    private const int NoMutualGuilds = 50278;

    // Remembered so a person who closed their DMs does not cost a 403 (an invalid request) on every retry.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _unreachableUntil = new();

    public Platform Platform => Platform.Discord;

    /// <summary>The person just wrote to the bot or pressed a button, so a remembered 50007 no longer holds.</summary>
    public void MarkReachable(string userId) => _unreachableUntil.TryRemove(userId, out _);

    public async Task<SendResult> SendAsync(OutboundMessage message, string idempotencyKey, CancellationToken cancellationToken)
    {
        string channelId;
        string? userId = null;
        if (DiscordChat.TryGetChannelId(message.Chat, out var communityChannel))
        {
            channelId = communityChannel;
        }
        else
        {
            userId = message.Chat.ChatId;
            if (_unreachableUntil.TryGetValue(userId, out var until) && until > time.GetUtcNow())
            {
                return SendResult.NotReachable("discord 50007 (remembered)");
            }

            var (dmChannel, dmResponse) = await rest.GetDirectMessageChannelAsync(userId, cancellationToken);
            if (dmChannel is null)
            {
                return Translate(dmResponse, userId);
            }

            channelId = dmChannel;
        }

        var payload = DiscordMessageRenderer.Render(message, idempotencyKey);
        var response = await rest.CreateMessageAsync(channelId, payload, message.Attachment, cancellationToken);
        return Translate(response, userId);
    }

    private SendResult Translate(DiscordRestResponse response, string? userId)
    {
        if (response.IsSuccess)
        {
            return SendResult.Sent;
        }

        if (response.ErrorCode is CannotMessageUser or NoMutualGuilds)
        {
            if (userId is not null)
            {
                _unreachableUntil[userId] = time.GetUtcNow() + options.Value.UnreachableMemory;
            }

            LogUnreachable(logger, response.ErrorCode.Value);
            return SendResult.NotReachable($"discord {response.ErrorCode}");
        }

        var result = response.StatusCode switch
        {
            429 => SendResult.RateLimited(response.RetryAfter ?? TimeSpan.FromSeconds(1)),
            0 => SendResult.Later(null, "discord did not answer"),
            >= 500 => SendResult.Later(null, $"discord HTTP {response.StatusCode}"),
            401 => SendResult.Later(TimeSpan.FromMinutes(5), "discord rejected the bot token"),
            _ => SendResult.Refused($"discord HTTP {response.StatusCode} code {response.ErrorCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}"),
        };
        LogSendFailed(logger, response.StatusCode, response.ErrorCode, result.Status);
        return result;
    }

    [LoggerMessage(EventId = 6201, Level = LogLevel.Information, Message = "Discord cannot deliver to this person (code {Code}); marked unreachable")]
    private static partial void LogUnreachable(ILogger logger, int code);

    [LoggerMessage(EventId = 6202, Level = LogLevel.Warning, Message = "Discord send failed with HTTP {Status} code {Code}: {Result}")]
    private static partial void LogSendFailed(ILogger logger, int status, int? code, SendStatus result);
}
