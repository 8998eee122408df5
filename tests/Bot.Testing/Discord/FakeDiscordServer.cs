using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Bot.Testing;

namespace Bot.Testing.Discord;

/// <summary>
/// Discord on loopback: REST under /api/v10 and a scripted gateway at /gw (and /resume, the READY resume URL), one HttpListener.
/// Tests override REST answers with <see cref="Respond"/> and script each gateway connection through <see cref="NextConnectionAsync"/>.
/// </summary>
public sealed class FakeDiscordServer : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly HttpListener _listener = new();
    private readonly Channel<FakeGatewayConnection> _connections = Channel.CreateUnbounded<FakeGatewayConnection>();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public FakeDiscordServer()
    {
        for (var attempt = 0; ; attempt++)
        {
            Port = FreePort();
            _listener.Prefixes.Clear();
            _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
            try
            {
                _listener.Start();
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
            }
        }

        _loop = AcceptLoopAsync();
    }

    public int Port { get; }

    public string ApiBaseUrl => $"http://127.0.0.1:{Port}/api/v10";

    public Uri GatewayUrl => new($"ws://127.0.0.1:{Port}/gw");

    public Uri ResumeUrl => new($"ws://127.0.0.1:{Port}/resume");

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Answers a request, or returns null to use the default answer for that route.</summary>
    public Func<RecordedRequest, FakeResponse?>? Respond { get; set; }

    public int SessionStartsRemaining { get; set; } = 1000;

    /// <summary>Milliseconds since the server started, from a monotonic clock.</summary>
    public double NowMs => _clock.Elapsed.TotalMilliseconds;

    public IEnumerable<RecordedRequest> RequestsTo(string method, string pathPrefix) =>
        Requests.Where(r => r.Method == method && r.Path.StartsWith(pathPrefix, StringComparison.Ordinal));

    public bool HasPendingConnection => _connections.Reader.Count > 0;

    public async Task<FakeGatewayConnection> NextConnectionAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        return await _connections.Reader.ReadAsync(timeout.Token);
    }

    public async Task<RecordedRequest> WaitForRequestAsync(Func<RecordedRequest, bool> match)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            var found = Requests.FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(10);
        }

        throw new TimeoutException("The expected request never arrived.");
    }

    public ValueTask DisposeAsync() => new(AcceptLoop.StopAsync(_stop, () =>
    {
        _listener.Stop();
        _listener.Close();
    }, _loop));

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is ObjectDisposedException or HttpListenerException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(context));
        }
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        try
        {
            var path = context.Request.Url!.AbsolutePath;
            if (context.Request.IsWebSocketRequest)
            {
                var socket = await context.AcceptWebSocketAsync(null);
                var connection = new FakeGatewayConnection(this, socket.WebSocket, path, context.Request.Url.Query);
                connection.Start();
                await _connections.Writer.WriteAsync(connection);
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var request = new RecordedRequest(
                context.Request.HttpMethod,
                path.StartsWith("/api/v10", StringComparison.Ordinal) ? path["/api/v10".Length..] : path,
                body,
                context.Request.Headers["Authorization"],
                context.Request.Headers["User-Agent"],
                context.Request.ContentType,
                NowMs);
            Requests.Enqueue(request);
            var response = Respond?.Invoke(request) ?? Default(request);
            context.Response.StatusCode = response.Status;
            if (response.Via)
            {
                context.Response.Headers["Via"] = "1.1 google";
            }

            foreach (var (name, value) in response.Headers)
            {
                context.Response.Headers[name] = value;
            }

            if (response.Body is not null)
            {
                var bytes = Encoding.UTF8.GetBytes(response.Body);
                context.Response.ContentType = response.ContentType;
                context.Response.ContentLength64 = bytes.Length;
                await context.Response.OutputStream.WriteAsync(bytes);
            }

            context.Response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or IOException)
        {
            // The client went away mid-answer; nothing to serve.
        }
    }

    private FakeResponse Default(RecordedRequest request)
    {
        var path = request.Path;
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        switch (request.Method)
        {
            case "GET" when path == "/gateway/bot":
                return FakeResponse.Json(200, $$"""
                    {"url":"ws://127.0.0.1:{{Port}}/gw","shards":{{ShardCount}},
                     "session_start_limit":{"total":1000,"remaining":{{SessionStartsRemaining}},"reset_after":1000,"max_concurrency":{{MaxConcurrency}}}
                    }
                    """);
            case "GET" when path == "/users/@me":
                return FakeResponse.Json(200, FakeGatewayConnection.BotUserJson);
            case "GET" when path is "/applications/@me" or "/oauth2/applications/@me":
                return FakeResponse.Json(200, $$"""{"id":"{{FakeGatewayConnection.ApplicationId}}","name":"compassionbot","description":"","bot_public":true,"bot_require_code_grant":false,"flags":0}""");
            case "GET" when segments is ["users", var userId]:
                return FakeResponse.Json(200, User(userId));
            case "POST" when path == "/users/@me/channels":
                var recipient = JsonDocument.Parse(request.Body).RootElement.GetProperty("recipient_id").ToString();
                return FakeResponse.Json(200, DmChannel(recipient));
            case "GET" when segments is ["channels", var channelId]:
                return FakeResponse.Json(200, channelId.StartsWith('7')
                    ? DmChannel(channelId[1..])
                    : $$"""{"id":"{{channelId}}","type":0,"guild_id":"400000000000000004","name":"check-ins","position":0}""");
            case "POST" when segments is ["channels", var target, "messages"]:
                return FakeResponse.Json(200, Message(target));
            case "POST" when path.StartsWith("/interactions/", StringComparison.Ordinal):
                return new FakeResponse(204, null);
            case "PUT" when path.StartsWith("/applications/", StringComparison.Ordinal):
                return FakeResponse.Json(200, "[]");
            case "PATCH":
                return FakeResponse.Json(200, Message(FakeGatewayConnection.DmChannelOf("200000000000000002")));
            default:
                return FakeResponse.Json(404, """{"code":0,"message":"404: Not Found"}""");
        }
    }

    /// <summary>How many Identifies may start together (Discord.Net waits 5 s between groups).</summary>
    public int MaxConcurrency { get; set; } = 1;

    /// <summary>How many shards GET /gateway/bot recommends.</summary>
    public int ShardCount { get; set; } = 1;

    public static string User(string id) =>
        $$"""{"id":"{{id}}","username":"someone","discriminator":"0","global_name":"Someone","avatar":null}""";

    /// <summary>A person's DM channel is "7" + their id, the same on every call, as Discord answers.</summary>
    public static string DmChannel(string userId) =>
        $$"""{"id":"{{FakeGatewayConnection.DmChannelOf(userId)}}","type":1,"last_message_id":null,"recipients":[{{User(userId)}}]}""";

    private static string Message(string channelId) =>
        $$"""
        {"id":"{{FakeSnowflake.Now()}}","channel_id":"{{channelId}}","type":0,"content":"","timestamp":"{{DateTimeOffset.UtcNow:O}}",
         "author":{{FakeGatewayConnection.BotUserJson}},"tts":false,"mention_everyone":false,"mentions":[],"mention_roles":[],
         "attachments":[],"embeds":[],"pinned":false,"components":[]}
        """;
}
