using System.Collections.Concurrent;
using System.Globalization;
using Bot.Core.Messaging;
using Discord;
using Discord.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Adapters.Discord;

/// <summary>Sends outbox messages as Discord messages through Discord.Net and translates its answers into a SendResult.</summary>
public sealed partial class DiscordChatPlatform(
    DiscordConnection connection,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<DiscordChatPlatform> logger) : IChatPlatform
{
    private const int CannotMessageUser = 50007;
    private const int NoMutualGuilds = 50278;

    // Remembered so a person who closed their DMs does not cost a 403 (an invalid request) on every retry.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _unreachableUntil = new();
    private readonly ConcurrentDictionary<ulong, IMessageChannel> _channels = new();

    public Platform Platform => Platform.Discord;

    /// <summary>The person just wrote to the bot or pressed a button, so a remembered 50007 no longer holds.</summary>
    public void MarkReachable(string userId) => _unreachableUntil.TryRemove(userId, out _);

    public async Task<SendResult> SendAsync(OutboundMessage message, string idempotencyKey, CancellationToken cancellationToken)
    {
        string? userId = null;
        if (!DiscordChat.TryGetChannelId(message.Chat, out var channelText))
        {
            if (message.CommunityPost is not null)
            {
                return SendResult.Refused("a community post goes to a server channel");
            }

            userId = message.Chat.ChatId;
            if (_unreachableUntil.TryGetValue(userId, out var until) && until > time.GetUtcNow())
            {
                return SendResult.NotReachable("discord 50007 (remembered)");
            }
        }

        if (!ulong.TryParse(userId ?? channelText, NumberStyles.None, CultureInfo.InvariantCulture, out var target))
        {
            return SendResult.Refused("not a Discord id");
        }

        var rendered = message.CommunityPost is { } post
            ? DiscordMessageRenderer.RenderCommunityPost(DiscordCopy.English, post.AnsweredSinceLastPost ?? 0)
            : DiscordMessageRenderer.Render(message);
        return await SendRenderedAsync(userId, target, rendered, message.Attachment, idempotencyKey, cancellationToken);
    }

    /// <summary>Posts to a channel (or, with <paramref name="userId"/>, to that person's DM channel, opened once and cached).</summary>
    private async Task<SendResult> SendRenderedAsync(string? userId, ulong target, DiscordRendered rendered, OutboundAttachment? attachment, string idempotencyKey, CancellationToken cancellationToken)
    {
        var request = new RequestOptions
        {
            CancelToken = cancellationToken,
            Timeout = (int)options.Value.MaxRateLimitWait.TotalMilliseconds,
            // The outbox is the one retry layer: Discord.Net neither retries a 502 nor sits out a bucket or a 429 here,
            // where delivery holds the rate-limit lease; the row comes back as "later" (with Discord's wait when it gave one).
            RetryMode = RetryMode.AlwaysFail,
        };
        var (result, context) = await DiscordSendContext.RunAsync(DiscordMessageRenderer.Nonce(idempotencyKey), async () =>
        {
            try
            {
                await connection.LoginAsync();
                var channel = userId is null ? await ChannelAsync(target, request) : await DirectMessageChannelAsync(target, request);
                if (channel is null)
                {
                    return SendResult.Refused("discord channel not found or not a text channel");
                }

                if (attachment is null)
                {
                    await channel.SendMessageAsync(rendered.Content, allowedMentions: DiscordMessageRenderer.NoMentions, components: rendered.Components, options: request);
                }
                else
                {
                    using var file = new FileAttachment(new MemoryStream(attachment.Content), attachment.FileName);
                    await channel.SendFileAsync(file, rendered.Content, allowedMentions: DiscordMessageRenderer.NoMentions, components: rendered.Components, options: request);
                }

                return SendResult.Sent;
            }
            catch (HttpException ex)
            {
                return Translate(ex, userId);
            }
            catch (RateLimitedException)
            {
                // The route's bucket is spent (by Discord.Net's own count, or by a 429 noted below): not sat out here.
                return SendResult.Later(TimeSpan.FromSeconds(1), "discord route bucket is empty");
            }
            catch (Exception ex) when (ex is TimeoutException or HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                return SendResult.Later(null, "discord did not answer");
            }
        });
        // A 429 (or a global pause) seen on the way tells how long to stay away.
        return result.Status == SendStatus.RetryLater && context.RetryAfter is { } wait ? SendResult.RateLimited(wait) : result;
    }

    private async Task<IMessageChannel?> DirectMessageChannelAsync(ulong userId, RequestOptions request)
    {
        if (_channels.TryGetValue(userId, out var cached))
        {
            return cached;
        }

        if (await connection.Rest.GetUserAsync(userId, request) is not { } user)
        {
            return null;
        }

        var channel = await user.CreateDMChannelAsync(request);
        return _channels[userId] = channel;
    }

    /// <summary>A community channel: from the gateway's cache when its server is known, otherwise looked up once.</summary>
    private async Task<IMessageChannel?> ChannelAsync(ulong channelId, RequestOptions request)
    {
        if (connection.Client.GetChannel(channelId) is IMessageChannel live)
        {
            return live;
        }

        if (_channels.TryGetValue(channelId, out var cached))
        {
            return cached;
        }

        if (await connection.Rest.GetChannelAsync(channelId, request) is not IMessageChannel fetched)
        {
            return null;
        }

        return _channels[channelId] = fetched;
    }

    private SendResult Translate(HttpException ex, string? userId)
    {
        var code = (int?)ex.DiscordCode;
        if (code is CannotMessageUser or NoMutualGuilds)
        {
            if (userId is not null)
            {
                _unreachableUntil[userId] = time.GetUtcNow() + options.Value.UnreachableMemory;
            }

            LogUnreachable(logger, code.Value);
            return SendResult.NotReachable($"discord {code}");
        }

        var status = (int)ex.HttpCode;
        var result = status switch
        {
            >= 500 => SendResult.Later(null, $"discord HTTP {status}"),
            401 => SendResult.Later(TimeSpan.FromMinutes(5), "discord rejected the bot token"),
            _ => SendResult.Refused($"discord HTTP {status} code {code?.ToString(CultureInfo.InvariantCulture) ?? "none"}"),
        };
        LogSendFailed(logger, status, code, result.Status);
        return result;
    }

    [LoggerMessage(EventId = 6201, Level = LogLevel.Information, Message = "Discord cannot deliver to this person (code {Code}); marked unreachable")]
    private static partial void LogUnreachable(ILogger logger, int code);

    [LoggerMessage(EventId = 6202, Level = LogLevel.Warning, Message = "Discord send failed with HTTP {Status} code {Code}: {Result}")]
    private static partial void LogSendFailed(ILogger logger, int status, int? code, SendStatus result);
}
