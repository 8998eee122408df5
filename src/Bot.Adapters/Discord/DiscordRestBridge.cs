using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Discord.Net.Rest;

namespace Bot.Adapters.Discord;

/// <summary>
/// Discord.Net's REST transport, pointed at <see cref="DiscordOptions.ApiBaseUrl"/> (the library's own client is fixed to
/// discord.com). Discord.Net keeps the rate-limit buckets; this adds the nonce on channel messages, notes a 429's wait for
/// the caller, and applies <see cref="DiscordRequestGuard"/>. Interaction tokens travel in URL paths: nothing is logged.
/// </summary>
internal sealed class DiscordRestBridge(HttpClient http, string baseUrl, TimeSpan maxRateLimitWait, DiscordRequestGuard guard, TimeProvider time) : IRestClient
{
    private readonly ConcurrentDictionary<string, string> _headers = new(StringComparer.OrdinalIgnoreCase);
    private CancellationToken _cancel = CancellationToken.None;

    public void SetHeader(string key, string value)
    {
        if (value is null)
        {
            _headers.TryRemove(key, out _);
        }
        else
        {
            _headers[key] = value;
        }
    }

    public void SetCancelToken(CancellationToken cancelToken) => _cancel = cancelToken;

    public Task<RestResponse> SendAsync(string method, string endpoint, CancellationToken cancelToken, bool headerOnly = false, string? reason = null,
        IEnumerable<KeyValuePair<string, IEnumerable<string>>>? requestHeaders = null) =>
        SendAsync(method, endpoint, (HttpContent?)null, requestHeaders, cancelToken);

    public Task<RestResponse> SendAsync(string method, string endpoint, string json, CancellationToken cancelToken, bool headerOnly = false, string? reason = null,
        IEnumerable<KeyValuePair<string, IEnumerable<string>>>? requestHeaders = null) =>
        SendAsync(method, endpoint, new StringContent(WithNonce(method, endpoint, json), Encoding.UTF8, "application/json"), requestHeaders, cancelToken);

    public Task<RestResponse> SendAsync(string method, string endpoint, IReadOnlyDictionary<string, object> multipartParams, CancellationToken cancelToken, bool headerOnly = false, string? reason = null,
        IEnumerable<KeyValuePair<string, IEnumerable<string>>>? requestHeaders = null)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in multipartParams)
        {
            switch (value)
            {
                case string text:
                    content.Add(new StringContent(name == "payload_json" ? WithNonce(method, endpoint, text) : text, Encoding.UTF8, "application/json"), name);
                    break;
                case byte[] bytes:
                    content.Add(new ByteArrayContent(bytes), name);
                    break;
                case Stream stream:
                    content.Add(new StreamContent(stream), name);
                    break;
                case { } file when MultipartFileReader.TryRead(file, out var stream, out var fileName, out var contentType):
                    if (stream.CanSeek)
                    {
                        stream.Position = 0;
                    }

                    var part = new StreamContent(stream);
                    if (contentType is not null)
                    {
                        part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
                    }

                    content.Add(part, name, fileName ?? name);
                    break;
                default:
                    throw new InvalidOperationException($"Unsupported multipart value {value.GetType().Name}.");
            }
        }

        return SendAsync(method, endpoint, content, requestHeaders, cancelToken);
    }

    public void Dispose()
    {
        // The HttpClient belongs to IHttpClientFactory.
    }

    private async Task<RestResponse> SendAsync(string method, string endpoint, HttpContent? content, IEnumerable<KeyValuePair<string, IEnumerable<string>>>? extra, CancellationToken cancelToken)
    {
        using (content)
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(_cancel, cancelToken);
            if (guard.Refusal() is { } refusal)
            {
                return Synthetic(HttpStatusCode.ServiceUnavailable, refusal);
            }

            if (guard.GlobalPauseUntil is { } until)
            {
                if (guard.CloudflareBanned)
                {
                    return Synthetic(HttpStatusCode.ServiceUnavailable, "paused after a Cloudflare ban");
                }

                var wait = until - time.GetUtcNow();
                if (wait > TimeSpan.Zero && DiscordSendContext.Current is { } send)
                {
                    // An outbox send does not wait here with the delivery lease held: it goes back, to be tried after the pause.
                    send.RetryAfter = wait;
                    return Synthetic(HttpStatusCode.ServiceUnavailable, "paused after a global rate limit");
                }

                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, linked.Token);
                }
            }

            using var request = new HttpRequestMessage(new HttpMethod(method), $"{baseUrl.TrimEnd('/')}/{endpoint.TrimStart('/')}") { Content = content };
            foreach (var (key, value) in _headers)
            {
                request.Headers.TryAddWithoutValidation(key, value);
            }

            foreach (var (key, values) in extra ?? [])
            {
                request.Headers.TryAddWithoutValidation(key, values);
            }

            using var response = await http.SendAsync(request, linked.Token);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (key, values) in response.Headers.Concat(response.Content.Headers))
            {
                headers[key] = values.FirstOrDefault() ?? "";
            }

            var body = await response.Content.ReadAsByteArrayAsync(linked.Token);
            return Inspect(response.StatusCode, headers, body);
        }
    }

    private RestResponse Inspect(HttpStatusCode status, Dictionary<string, string> headers, byte[] body)
    {
        switch ((int)status)
        {
            case 401:
                guard.RecordInvalid();
                guard.MarkUnauthorized();
                break;
            case 403:
                guard.RecordInvalid();
                break;
            case 429:
                var retryAfter = RetryAfter(headers, body);
                if (DiscordSendContext.Current is { } context)
                {
                    context.RetryAfter = retryAfter;
                }

                if (!headers.ContainsKey("Via") || !IsJson(body))
                {
                    // Cloudflare, not Discord: retrying only lengthens the ban.
                    guard.RecordInvalid();
                    guard.Pause(retryAfter, cloudflare: true);
                    return Synthetic(HttpStatusCode.ServiceUnavailable, "Cloudflare refused the request");
                }

                if (!headers.TryGetValue("X-RateLimit-Scope", out var scope) || scope != "shared")
                {
                    guard.RecordInvalid();
                }

                if (headers.TryGetValue("X-RateLimit-Global", out var global) && global.Equals("true", StringComparison.OrdinalIgnoreCase))
                {
                    guard.Pause(retryAfter, cloudflare: false);
                }

                if (retryAfter > maxRateLimitWait && DiscordSendContext.Current is not null)
                {
                    // Discord.Net would sit out the whole wait; an outbox send goes back and is retried after it instead.
                    return Synthetic(HttpStatusCode.ServiceUnavailable, "rate limited for longer than Discord:MaxRateLimitWait");
                }

                break;
        }

        return new RestResponse(status, headers, new MemoryStream(body));
    }

    /// <summary>Channel messages carry the outbox row's nonce, so Discord drops a second post of the same row.</summary>
    private static string WithNonce(string method, string endpoint, string json)
    {
        if (method != "POST" || DiscordSendContext.Current?.Nonce is not { } nonce
            || !endpoint.StartsWith("channels/", StringComparison.Ordinal) || !endpoint.EndsWith("/messages", StringComparison.Ordinal)
            || JsonNode.Parse(json) is not JsonObject payload)
        {
            return json;
        }

        payload["nonce"] = nonce;
        payload["enforce_nonce"] = true;
        return payload.ToJsonString();
    }

    private static TimeSpan RetryAfter(Dictionary<string, string> headers, byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.TryGetProperty("retry_after", out var seconds) && seconds.TryGetDouble(out var value))
            {
                return TimeSpan.FromSeconds(value);
            }
        }
        catch (JsonException)
        {
        }

        return headers.TryGetValue("Retry-After", out var header) && double.TryParse(header, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
            ? TimeSpan.FromSeconds(parsed)
            : TimeSpan.FromSeconds(1);
    }

    private static bool IsJson(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static RestResponse Synthetic(HttpStatusCode status, string message) =>
        new(status, new Dictionary<string, string>(), new MemoryStream(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { message, code = 0 }))));
}
