using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Core.Messaging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Adapters.Discord.Rest;

/// <summary>
/// The few REST calls the bot makes, all through one rate-limit-aware path: buckets from headers, global limit,
/// 429 handling, retries with backoff for 5xx and timeouts, and the invalid-request guard.
/// </summary>
public sealed partial class DiscordRestClient
{
    public const string UserAgent = "DiscordBot (https://github.com/compassionbot/compassionbot, 1.0)";

    private static readonly int[] RetriableStatuses = [500, 502, 503, 504, 524];
    private readonly HttpClient _http;
    private readonly DiscordOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<DiscordRestClient> _logger;
    private readonly ConcurrentDictionary<string, string> _dmChannels = new();

    public DiscordRestClient(HttpClient http, IOptions<DiscordOptions> options, TimeProvider time, ILogger<DiscordRestClient> logger)
    {
        _http = http;
        _options = options.Value;
        _time = time;
        _logger = logger;
        var baseUrl = _options.ApiBaseUrl.TrimEnd('/') + "/";
        _http.BaseAddress = new Uri(baseUrl);
        _http.Timeout = Timeout.InfiniteTimeSpan;
        Limiter = new RestRateLimiter(time);
    }

    internal RestRateLimiter Limiter { get; }

    public async Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken)
    {
        var response = await SendAsync(HttpMethod.Get, "GET /gateway/bot", "", "gateway/bot", null, false, cancellationToken);
        if (!response.IsSuccess || response.Body.ValueKind != JsonValueKind.Object)
        {
            throw new DiscordRestException($"GET /gateway/bot failed with HTTP {response.StatusCode}.", response.StatusCode, response.ErrorCode);
        }

        var body = response.Body;
        var limit = body.TryGetProperty("session_start_limit", out var l) ? l : default;
        int Limit(string name, int fallback) =>
            limit.ValueKind == JsonValueKind.Object && limit.TryGetProperty(name, out var v) && v.TryGetInt32(out var n) ? n : fallback;

        return new GatewayBotInfo(
            new Uri(body.GetProperty("url").GetString()!),
            body.TryGetProperty("shards", out var shards) && shards.TryGetInt32(out var s) ? s : 1,
            Limit("remaining", 1),
            TimeSpan.FromMilliseconds(Limit("reset_after", 0)),
            Math.Max(1, Limit("max_concurrency", 1)));
    }

    public async Task<string?> GetApplicationIdAsync(CancellationToken cancellationToken)
    {
        var response = await SendAsync(HttpMethod.Get, "GET /applications/@me", "", "applications/@me", null, false, cancellationToken);
        return response.IsSuccess && response.Body.TryGetProperty("id", out var id) ? id.GetString() : null;
    }

    /// <summary>The DM channel with a person, created once and cached (Discord returns the same channel every time).</summary>
    public async Task<(string? ChannelId, DiscordRestResponse Response)> GetDirectMessageChannelAsync(string userId, CancellationToken cancellationToken)
    {
        if (_dmChannels.TryGetValue(userId, out var cached))
        {
            return (cached, new DiscordRestResponse(200, default, null, null));
        }

        var body = new JsonObject { ["recipient_id"] = userId };
        var response = await SendAsync(HttpMethod.Post, "POST /users/@me/channels", "", "users/@me/channels", body, false, cancellationToken);
        if (response.IsSuccess && response.Body.ValueKind == JsonValueKind.Object && response.Body.TryGetProperty("id", out var id) && id.GetString() is { } channelId)
        {
            _dmChannels[userId] = channelId;
            return (channelId, response);
        }

        return (null, response);
    }

    /// <param name="attachment">Sent as multipart files[0]; the payload must list it under "attachments" with id 0.</param>
    public Task<DiscordRestResponse> CreateMessageAsync(string channelId, JsonObject payload, OutboundAttachment? attachment, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "POST /channels/{channel_id}/messages", channelId, $"channels/{channelId}/messages", payload, false, cancellationToken, attachment);

    /// <summary>Interaction callbacks are exempt from the global limit; they must land within 3 s.</summary>
    public Task<DiscordRestResponse> CreateInteractionResponseAsync(string interactionId, string token, JsonObject payload, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "POST /interactions/{id}/{token}/callback", interactionId, $"interactions/{interactionId}/{token}/callback", payload, true, cancellationToken);

    public Task<DiscordRestResponse> EditOriginalInteractionResponseAsync(string applicationId, string token, JsonObject payload, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Patch, "PATCH /webhooks/{id}/{token}/messages/@original", applicationId + token, $"webhooks/{applicationId}/{token}/messages/@original", payload, true, cancellationToken);

    public Task<DiscordRestResponse> BulkOverwriteGlobalCommandsAsync(string applicationId, JsonArray commands, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, "PUT /applications/{id}/commands", applicationId, $"applications/{applicationId}/commands", commands, false, cancellationToken);

    private async Task<DiscordRestResponse> SendAsync(
        HttpMethod method,
        string route,
        string majorParameter,
        string path,
        JsonNode? body,
        bool exemptFromGlobal,
        CancellationToken cancellationToken,
        OutboundAttachment? attachment = null)
    {
        var rateLimitRetries = 0;
        var transientRetries = 0;
        while (true)
        {
            var lease = await Limiter.AcquireAsync(route, majorParameter, exemptFromGlobal, cancellationToken);
            if (lease is null)
            {
                LogRefusedByGuard(_logger, route);
                return Limiter.Unauthorized
                    ? new DiscordRestResponse(401, default, null, null)
                    : new DiscordRestResponse(429, default, null, Limiter.InvalidGuardRemaining());
            }

            DiscordRestResponse response;
            HttpResponseHeadersView? headers = null;
            try
            {
                (response, headers) = await SendOnceAsync(method, path, body, attachment, cancellationToken);
                if (headers is not null)
                {
                    lease.Complete(headers);
                }
            }
            finally
            {
                lease.Dispose();
            }

            if (response.StatusCode == 429 && headers is not null)
            {
                var retryAfter = response.RetryAfter ?? TimeSpan.FromSeconds(1);
                if (headers.Scope != "shared")
                {
                    Limiter.RecordInvalid();
                }

                if (!headers.HasVia || response.Body.ValueKind != JsonValueKind.Object)
                {
                    // No Via header or a non-JSON body: Cloudflare, not Discord. Stop everything; retrying would deepen the ban.
                    Limiter.PauseAll(retryAfter);
                    LogCloudflareLimited(_logger, route, retryAfter);
                    return response;
                }

                if (headers.Global)
                {
                    Limiter.PauseAll(retryAfter);
                }

                LogRateLimited(_logger, route, retryAfter, headers.Global, headers.Scope);
                if (retryAfter <= _options.MaxRateLimitWait && rateLimitRetries++ < 3)
                {
                    continue;
                }

                return response;
            }

            if (response.StatusCode is 401)
            {
                Limiter.RecordInvalid();
                Limiter.MarkUnauthorized();
                LogUnauthorized(_logger);
                return response;
            }

            if (response.StatusCode is 403)
            {
                Limiter.RecordInvalid();
                return response;
            }

            if ((response.StatusCode == 0 || Array.IndexOf(RetriableStatuses, response.StatusCode) >= 0) && transientRetries < _options.RestMaxRetries)
            {
                var delay = _options.RestRetryDelay * (1 + (2 * transientRetries));
                transientRetries++;
                LogTransientFailure(_logger, route, response.StatusCode, delay);
                await Task.Delay(delay, _time, cancellationToken);
                continue;
            }

            return response;
        }
    }

    private async Task<(DiscordRestResponse Response, HttpResponseHeadersView? Headers)> SendOnceAsync(
        HttpMethod method, string path, JsonNode? body, OutboundAttachment? attachment, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bot", _options.BotToken);
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        if (attachment is not null)
        {
            var file = new ByteArrayContent(attachment.Content);
            file.Headers.ContentType = new MediaTypeHeaderValue(attachment.ContentType);
            request.Content = new MultipartFormDataContent
            {
                { new StringContent(body?.ToJsonString() ?? "{}", Encoding.UTF8, "application/json"), "payload_json" },
                { file, "files[0]", attachment.FileName },
            };
        }
        else if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RequestTimeout);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            var json = default(JsonElement);
            if (!string.IsNullOrWhiteSpace(text))
            {
                try
                {
                    using var document = JsonDocument.Parse(text);
                    json = document.RootElement.Clone();
                }
                catch (JsonException)
                {
                    // Not JSON (for example a Cloudflare HTML page); the status code still tells us what happened.
                }
            }

            int? code = json.ValueKind == JsonValueKind.Object && json.TryGetProperty("code", out var c) && c.TryGetInt32(out var n) ? n : null;
            TimeSpan? bodyRetryAfter = json.ValueKind == JsonValueKind.Object && json.TryGetProperty("retry_after", out var ra) && ra.TryGetDouble(out var seconds)
                ? TimeSpan.FromSeconds(seconds)
                : null;
            var headers = HttpResponseHeadersView.From(response, bodyRetryAfter);
            return (new DiscordRestResponse((int)response.StatusCode, json, code, headers.RetryAfter), headers);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (DiscordRestResponse.NoAnswer, null);
        }
        catch (HttpRequestException)
        {
            return (DiscordRestResponse.NoAnswer, null);
        }
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Warning, Message = "Discord rate limit on {Route}: waiting {RetryAfter} (global {Global}, scope {Scope})")]
    private static partial void LogRateLimited(ILogger logger, string route, TimeSpan retryAfter, bool global, string? scope);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Critical, Message = "Discord answered 429 from Cloudflare on {Route}; all REST calls pause for {RetryAfter}")]
    private static partial void LogCloudflareLimited(ILogger logger, string route, TimeSpan retryAfter);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Critical, Message = "Discord rejected the bot token (HTTP 401); REST calls stop. Check Discord:BotToken")]
    private static partial void LogUnauthorized(ILogger logger);

    [LoggerMessage(EventId = 6104, Level = LogLevel.Warning, Message = "Discord call {Route} failed with HTTP {Status}; retrying in {Delay}")]
    private static partial void LogTransientFailure(ILogger logger, string route, int status, TimeSpan delay);

    [LoggerMessage(EventId = 6105, Level = LogLevel.Error, Message = "Discord call {Route} not made: the token was rejected or the invalid-request budget is spent")]
    private static partial void LogRefusedByGuard(ILogger logger, string route);
}
