using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Adapters.Discord;
using Bot.Adapters.Tests.Discord.Fakes;
using Bot.Testing.Discord;
using Bot.Core.Community;
using Bot.Core.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.Adapters.Tests.Discord;

public sealed class DiscordChatPlatformTests : IAsyncDisposable
{
    private const string UserId = "200000000000000002";
    private const string Sam = UserId;
    private readonly FakeDiscordServer _server = new();
    private readonly ServiceProvider _services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
    private readonly DiscordRequestGuard _guard = new(TimeProvider.System);
    private readonly DiscordConnection _connection;
    private readonly DiscordChatPlatform _platform;

    public DiscordChatPlatformTests()
    {
        var options = Options.Create(DiscordTestOptions.For(_server));
        _connection = new DiscordConnection(options, _guard, _services.GetRequiredService<IHttpClientFactory>(), TimeProvider.System, NullLogger<DiscordConnection>.Instance);
        _platform = new DiscordChatPlatform(_connection, options, TimeProvider.System, NullLogger<DiscordChatPlatform>.Instance);
    }

    private static OutboundMessage Hello(string userId = UserId) =>
        new(DiscordChat.Person(userId), "Checking in, gently.", [new ReplyChoice("mood:okay", "okay"), new ReplyChoice("not-today", "not today")]);

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        await _server.DisposeAsync();
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task SendAsync_Person_OpensTheDmOnceAndPostsWithNonceAuthAndUserAgent()
    {
        var first = await _platform.SendAsync(Hello(), "outbox-1", CancellationToken.None);
        var second = await _platform.SendAsync(Hello(), "outbox-2", CancellationToken.None);

        Assert.Equal(SendStatus.Sent, first.Status);
        Assert.Equal(SendStatus.Sent, second.Status);
        Assert.Single(_server.RequestsTo("POST", "/users/@me/channels"));
        var posts = _server.RequestsTo("POST", "/channels/7" + UserId + "/messages").ToList();
        Assert.Equal(2, posts.Count);
        Assert.All(posts, p =>
        {
            Assert.Equal("Bot " + DiscordTestOptions.Token, p.Authorization);
            Assert.StartsWith("DiscordBot (", p.UserAgent, StringComparison.Ordinal);
            Assert.StartsWith("application/json", p.ContentType, StringComparison.Ordinal);
        });
        var body = JsonDocument.Parse(posts[0].Body).RootElement;
        Assert.Equal(DiscordMessageRenderer.Nonce("outbox-1"), body.GetProperty("nonce").GetString());
        Assert.True(body.GetProperty("enforce_nonce").GetBoolean());
    }

    [Fact]
    public async Task SendAsync_Opener_PostsTheRecordedPayload()
    {
        var result = await _platform.SendAsync(DiscordMessageRendererTests.Opener(), "outbox-42", CancellationToken.None);

        Assert.Equal(SendStatus.Sent, result.Status);
        var body = JsonNode.Parse(Assert.Single(_server.RequestsTo("POST", "/channels/")).Body)!;
        var expected = JsonNode.Parse(DiscordFixtures.Text("rendered_opener"))!;
        AssertContains(expected, body, "$");
    }

    /// <summary>Everything recorded is on the wire with the same value; Discord.Net may add fields of its own (tts, flags).</summary>
    private static void AssertContains(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected)
        {
            case JsonObject obj:
                var actualObject = Assert.IsType<JsonObject>(actual);
                foreach (var (key, value) in obj)
                {
                    Assert.True(actualObject.ContainsKey(key), $"{path}.{key} is missing in {actual!.ToJsonString()}");
                    AssertContains(value, actualObject[key], $"{path}.{key}");
                }

                break;
            case JsonArray array:
                var actualArray = Assert.IsType<JsonArray>(actual);
                Assert.True(array.Count == actualArray.Count, $"{path} has {actualArray.Count} items, expected {array.Count}");
                for (var i = 0; i < array.Count; i++)
                {
                    AssertContains(array[i], actualArray[i], $"{path}[{i}]");
                }

                break;
            default:
                Assert.True(JsonNode.DeepEquals(expected, actual), $"{path}: expected {expected?.ToJsonString()}, got {actual?.ToJsonString()}");
                break;
        }
    }

    [Fact]
    public async Task SendAsync_CannotMessageUser50007_IsNotReachableAndIsNotAskedAgain()
    {
        _server.Respond = r => r.Method == "POST" && r.Path.EndsWith("/messages", StringComparison.Ordinal)
            ? FakeResponse.Json(403, """{"message":"Cannot send messages to this user","code":50007}""")
            : null;

        var first = await _platform.SendAsync(Hello(), "outbox-1", CancellationToken.None);
        var second = await _platform.SendAsync(Hello(), "outbox-2", CancellationToken.None);

        Assert.Equal(SendStatus.Unreachable, first.Status);
        Assert.Equal(SendStatus.Unreachable, second.Status);
        Assert.Single(_server.RequestsTo("POST", "/channels/"));
        Assert.Equal(1, _guard.InvalidRequestCount);
    }

    [Fact]
    public async Task SendAsync_RouteRateLimited_IsHandedBackWithDiscordsWait_AndTheOutboxsNextTryAfterItIsSent()
    {
        double? allowedFromMs = null;
        var early = 0;
        _server.Respond = r =>
        {
            if (r.Method != "POST" || !r.Path.EndsWith("/messages", StringComparison.Ordinal))
            {
                return null;
            }

            lock (_server)
            {
                if (allowedFromMs is null)
                {
                    allowedFromMs = r.ArrivedMs + 250;
                    return RateLimited(0.25, global: false);
                }

                if (r.ArrivedMs < allowedFromMs)
                {
                    early++;
                    return RateLimited(0.25, global: false);
                }

                return null;
            }
        };

        var first = await _platform.SendAsync(Hello(), "outbox-1", CancellationToken.None);

        // Not sat out inside the send (delivery holds its rate-limit lease there): the outbox retries after the wait.
        Assert.True(first.IsRateLimited);
        Assert.Equal(TimeSpan.FromSeconds(0.25), first.RetryAfter);
        Assert.Single(_server.RequestsTo("POST", "/channels/"));
        await Task.Delay(first.RetryAfter!.Value + TimeSpan.FromMilliseconds(50));
        Assert.Equal(SendStatus.Sent, (await _platform.SendAsync(Hello(), "outbox-1", CancellationToken.None)).Status);
        Assert.Equal(0, early);
        Assert.Equal(2, _server.RequestsTo("POST", "/channels/").Count());
    }

    [Fact]
    public async Task SendAsync_ManySendsToOneChannel_FollowTheBucketHeaders()
    {
        var window = new BucketWindow(limit: 2, windowMs: 300);
        _server.Respond = r => r.Method == "POST" && r.Path.EndsWith("/messages", StringComparison.Ordinal) ? window.Answer(r.ArrivedMs) : null;

        var tries = await DeliverLikeTheOutboxAsync(Enumerable.Range(0, 6).Select(i => $"outbox-{i}").ToList());

        // A spent bucket is not sat out inside the send: the message goes back and the outbox's next try sends it. Discord.Net
        // refills at X-RateLimit-Reset by the local clock; a send landing a few ms early on the window edge is answered 429
        // once. Hammering (hundreds before, with a broken header) is what this catches.
        Assert.InRange(window.TooManyRequests, 0, 1);
        Assert.Equal(6 + window.TooManyRequests, _server.RequestsTo("POST", "/channels/").Count());
        Assert.True(tries > 6, $"{tries} tries: the bucket of 2 per 300 ms must have sent some back");
    }

    [Fact]
    public async Task SendAsync_GlobalRateLimit_HandsEveryRouteBackUntilRetryAfter_WithoutSendingEarly()
    {
        double? globalUntilMs = null;
        var early = 0;
        var release = new TaskCompletionSource();
        _server.Respond = r =>
        {
            lock (_server)
            {
                if (globalUntilMs is null && r.Path.EndsWith("/messages", StringComparison.Ordinal))
                {
                    globalUntilMs = r.ArrivedMs + 1500; // long enough that a busy machine cannot outlast it mid-test
                    return RateLimited(1.5, global: true);
                }

                if (globalUntilMs is { } until && r.ArrivedMs < until)
                {
                    early++;
                }

                return null;
            }
        };

        var started = DateTime.UtcNow;
        var blocked = await _platform.SendAsync(Hello(), "outbox-1", CancellationToken.None);
        Assert.True(_guard.GlobalPauseUntil is not null, $"{blocked} after {(DateTime.UtcNow - started).TotalMilliseconds} ms, {_server.RequestsTo("POST", "/channels/").Count()} posts");
        var otherRoute = await _platform.SendAsync(Hello("300000000000000003"), "outbox-2", CancellationToken.None);

        // Both go back to the outbox with the pause as their wait (delivery pauses the platform for it); nothing is sent early.
        Assert.True(blocked.IsRateLimited);
        Assert.True(otherRoute.IsRateLimited);
        Assert.InRange(otherRoute.RetryAfter!.Value, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(1.5));
        // Discord.Net keeps its own copy of the global wait, taken a little after ours; on a loaded machine the two can be
        // more than a few milliseconds apart, so the sends after the pause wait a margin past it (earliness is checked above
        // and by `early`, not here).
        await Task.Delay(blocked.RetryAfter!.Value + TimeSpan.FromMilliseconds(300));
        Assert.Equal(SendStatus.Sent, (await _platform.SendAsync(Hello(), "outbox-1", CancellationToken.None)).Status);
        Assert.Equal(SendStatus.Sent, (await _platform.SendAsync(Hello("300000000000000003"), "outbox-2", CancellationToken.None)).Status);
        Assert.Equal(0, early);
    }

    [Fact]
    public async Task SendAsync_RateLimitLongerThanWeWait_IsHandedBackAsLater()
    {
        _server.Respond = r => r.Path.EndsWith("/messages", StringComparison.Ordinal) ? RateLimited(600, global: false) : null;

        var result = await _platform.SendAsync(Hello(), "outbox-1", CancellationToken.None);

        Assert.Equal(SendStatus.RetryLater, result.Status);
        Assert.True(result.IsRateLimited);
        Assert.Equal(TimeSpan.FromSeconds(600), result.RetryAfter);
        Assert.Single(_server.RequestsTo("POST", "/channels/"));
    }

    [Fact]
    public async Task SendAsync_CloudflareBan_StopsWithoutRetrying()
    {
        _server.Respond = r => r.Path.EndsWith("/messages", StringComparison.Ordinal)
            ? new FakeResponse(429, "<html>banned</html>") { Via = false, ContentType = "text/html", Headers = { ["Retry-After"] = "0.2" } }
            : null;

        var result = await _platform.SendAsync(Hello(), "outbox-1", CancellationToken.None);

        Assert.Equal(SendStatus.RetryLater, result.Status);
        Assert.Single(_server.RequestsTo("POST", "/channels/"));
        Assert.NotNull(_guard.GlobalPauseUntil);
    }

    [Fact]
    public async Task SendAsync_ServerErrorOnce_IsHandedBack_AndTheOutboxsNextTrySendsTheSamePayload()
    {
        var failures = 0;
        _server.Respond = r => r.Path.EndsWith("/messages", StringComparison.Ordinal) && Interlocked.Increment(ref failures) == 1
            ? FakeResponse.Json(502, """{"message":"Bad Gateway","code":0}""")
            : null;

        var first = await _platform.SendAsync(Hello(), "outbox-1", CancellationToken.None);
        Assert.Equal(SendStatus.RetryLater, first.Status);
        Assert.Single(_server.RequestsTo("POST", "/channels/"));

        Assert.Equal(SendStatus.Sent, (await _platform.SendAsync(Hello(), "outbox-1", CancellationToken.None)).Status);
        var posts = _server.RequestsTo("POST", "/channels/").ToList();
        Assert.Equal(2, posts.Count);
        Assert.Equal(posts[0].Body, posts[1].Body);
    }

    [Fact]
    public async Task SendAsync_ServerFails_IsHandedBackAsLaterForTheOutboxToRetry()
    {
        _server.Respond = r => r.Path.EndsWith("/messages", StringComparison.Ordinal) ? FakeResponse.Json(500, """{"code":0}""") : null;

        var result = await _platform.SendAsync(Hello(), "outbox-1", CancellationToken.None);

        Assert.Equal(SendStatus.RetryLater, result.Status);
        Assert.Single(_server.RequestsTo("POST", "/channels/"));
    }

    [Fact]
    public async Task SendAsync_TokenRejected_StopsCallingDiscord()
    {
        _server.Respond = _ => FakeResponse.Json(401, """{"message":"401: Unauthorized","code":0}""");

        var first = await _platform.SendAsync(Hello(), "outbox-1", CancellationToken.None);
        var second = await _platform.SendAsync(Hello("300000000000000003"), "outbox-2", CancellationToken.None);

        Assert.Equal(SendStatus.RetryLater, first.Status);
        Assert.Equal(SendStatus.RetryLater, second.Status);
        Assert.Single(_server.Requests);
        Assert.True(_guard.Unauthorized);
    }

    [Fact]
    public async Task SendAsync_MissingPermissionInChannel_IsRefused()
    {
        _server.Respond = r => r.Path.EndsWith("/messages", StringComparison.Ordinal)
            ? FakeResponse.Json(403, """{"message":"Missing Permissions","code":50013}""")
            : null;

        var result = await _platform.SendAsync(OutboundMessage.Plain(DiscordChat.Channel("555"), "Good morning"), "outbox-1", CancellationToken.None);

        Assert.Equal(SendStatus.Rejected, result.Status);
        Assert.Single(_server.RequestsTo("POST", "/channels/555/messages"));
        Assert.Empty(_server.RequestsTo("POST", "/users/@me/channels"));
    }

    [Fact]
    public async Task SendAsync_WithAttachment_UploadsItAsMultipartFilesWithThePayloadJson()
    {
        var export = new OutboundAttachment("history.csv", "text/csv", "date,mood\n2026-11-24,okay\n"u8.ToArray());
        var message = OutboundMessage.Plain(DiscordChat.Person(Sam), "Here is your history.") with { Attachment = export };

        var result = await _platform.SendAsync(message, "outbox-1", CancellationToken.None);

        Assert.Equal(SendStatus.Sent, result.Status);
        var post = Assert.Single(_server.RequestsTo("POST", "/channels/"));
        Assert.StartsWith("multipart/form-data", post.ContentType, StringComparison.Ordinal);
        Assert.Contains("name=payload_json", post.Body, StringComparison.Ordinal);
        Assert.Contains("files[0]", post.Body, StringComparison.Ordinal);
        Assert.Contains("filename=history.csv", post.Body, StringComparison.Ordinal);
        Assert.Contains("2026-11-24,okay", post.Body, StringComparison.Ordinal);
        Assert.Contains(DiscordMessageRenderer.Nonce("outbox-1"), post.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_ACommunityPost_GoesToTheChannelWithBothButtonsAndTheRowsNonce()
    {
        var post = OutboundMessage.Community(DiscordChat.Channel("500000000000000009"), new CommunityPost(new DateOnly(2026, 11, 24), null));

        var result = await _platform.SendAsync(post, "outbox-7", CancellationToken.None);

        Assert.Equal(SendStatus.Sent, result.Status);
        var request = Assert.Single(_server.RequestsTo("POST", "/channels/500000000000000009/messages"));
        var body = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal(2, body.GetProperty("components")[0].GetProperty("components").GetArrayLength());
        Assert.DoesNotContain("people", body.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal(DiscordMessageRenderer.Nonce("outbox-7"), body.GetProperty("nonce").GetString());
    }

    [Fact]
    public async Task SendAsync_ACommunityPost_ShowsTheCountCoreAllowed_AndIsRefusedForAPerson()
    {
        var result = await _platform.SendAsync(
            OutboundMessage.Community(DiscordChat.Channel("500000000000000009"), new CommunityPost(new DateOnly(2026, 11, 24), 7)), "outbox-8", CancellationToken.None);
        var notAChannel = await _platform.SendAsync(
            OutboundMessage.Community(DiscordChat.Person("300000000000000003"), new CommunityPost(new DateOnly(2026, 11, 24), null)), "outbox-9", CancellationToken.None);

        Assert.Equal(SendStatus.Sent, result.Status);
        Assert.Equal(SendStatus.Rejected, notAChannel.Status);
        var post = Assert.Single(_server.RequestsTo("POST", "/channels/500000000000000009/messages"));
        Assert.Contains("7 people", JsonDocument.Parse(post.Body).RootElement.GetProperty("content").GetString(), StringComparison.Ordinal);
    }

    /// <summary>Sends each key until it is sent, waiting what the platform asked between tries, as outbox delivery does; returns the tries.</summary>
    private async Task<int> DeliverLikeTheOutboxAsync(IReadOnlyList<string> keys)
    {
        var pending = keys.ToList();
        var tries = 0;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (pending.Count > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{pending.Count} still not sent");
            var results = await Task.WhenAll(pending.Select(async key => (Key: key, Result: await _platform.SendAsync(Hello(), key, CancellationToken.None))));
            tries += results.Length;
            Assert.All(results, r => Assert.NotEqual(SendStatus.Rejected, r.Result.Status));
            pending = [.. results.Where(r => r.Result.Status != SendStatus.Sent).Select(r => r.Key)];
            var wait = results.Where(r => r.Result.Status != SendStatus.Sent).Select(r => r.Result.RetryAfter ?? TimeSpan.Zero).DefaultIfEmpty().Min();
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(wait.TotalMilliseconds, 100) + 20));
        }

        return tries;
    }

    private static FakeResponse RateLimited(double retryAfterSeconds, bool global)
    {
        var seconds = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var response = FakeResponse.Json(429, $$"""{"message":"You are being rate limited.","retry_after":{{seconds}},"global":{{(global ? "true" : "false")}}}""");
        // Discord's Retry-After header is whole seconds; the body has the exact value.
        response.Headers["Retry-After"] = Math.Ceiling(retryAfterSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Scope"] = global ? "global" : "user";
        if (global)
        {
            response.Headers["X-RateLimit-Global"] = "true";
        }
        else
        {
            response.Headers["X-RateLimit-Remaining"] = "0";
            response.Headers["X-RateLimit-Reset-After"] = seconds;
            response.Headers["X-RateLimit-Reset"] = ResetAt(retryAfterSeconds);
        }

        return response;
    }

    /// <summary>X-RateLimit-Reset: epoch seconds when the bucket refills, as Discord sends it beside Reset-After.</summary>
    private static string ResetAt(double secondsFromNow) =>
        ((DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0) + secondsFromNow).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + FakeDiscordServer.Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition never became true.");
            await Task.Delay(5);
        }
    }

    /// <summary>A Discord-like bucket: limit per window, announced in headers; anything over is a 429 and counted.</summary>
    private sealed class BucketWindow(int limit, double windowMs)
    {
        private double _windowEnd = double.MinValue;
        private int _used;

        public int TooManyRequests { get; private set; }

        public FakeResponse Answer(double nowMs)
        {
            lock (this)
            {
                if (nowMs >= _windowEnd)
                {
                    _windowEnd = nowMs + windowMs;
                    _used = 0;
                }

                var resetAfter = ((_windowEnd - nowMs) / 1000).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);
                if (_used >= limit)
                {
                    TooManyRequests++;
                    return RateLimited((_windowEnd - nowMs) / 1000, global: false);
                }

                _used++;
                var response = FakeResponse.Json(200, """{"id":"1200000000000000000"}""");
                response.Headers["X-RateLimit-Limit"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
                response.Headers["X-RateLimit-Remaining"] = (limit - _used).ToString(System.Globalization.CultureInfo.InvariantCulture);
                response.Headers["X-RateLimit-Reset-After"] = resetAfter;
                response.Headers["X-RateLimit-Reset"] = ResetAt((_windowEnd - nowMs) / 1000);
                response.Headers["X-RateLimit-Bucket"] = "abcd1234";
                return response;
            }
        }
    }
}
