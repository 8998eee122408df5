using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace Bot.Testing.Discord;

/// <summary>
/// One accepted gateway socket, scripted by the test. Heartbeats are recorded and ACKed in the background
/// (unless <see cref="AckHeartbeats"/> is off); every other client payload waits in order for <see cref="ExpectAsync"/>.
/// </summary>
public sealed class FakeGatewayConnection(FakeDiscordServer server, WebSocket socket, string path, string query)
{
    public const string SessionId = "session-one";
    public const string BotUserId = "100000000000000001";
    public const string ApplicationId = "900000000000000001";
    public const string BotUserJson = $$"""{"id":"{{BotUserId}}","username":"compassionbot","discriminator":"0","bot":true,"avatar":null}""";

    public const string GuildId = "400000000000000004";
    public const string ModeratorRole = "400000000000000040";

    public static string DmChannelOf(string userId) => "7" + userId;

    private readonly Channel<JsonElement> _payloads = Channel.CreateUnbounded<JsonElement>();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly TaskCompletionSource<int?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Path { get; } = path;

    public string Query { get; } = query;

    public volatile bool AckHeartbeats = true;

    public ConcurrentQueue<JsonElement> Heartbeats { get; } = new();

    /// <summary>The client's close code, or null when it dropped the connection without one.</summary>
    public Task<int?> Closed => _closed.Task;

    public void Start() => _ = PumpAsync();

    public Task HelloAsync(int heartbeatIntervalMs = 1000) =>
        SendAsync($$"""{"op":10,"d":{"heartbeat_interval":{{heartbeatIntervalMs}}},"s":null,"t":null}""");

    /// <summary>READY with what Discord.Net reads: the bot user, private_channels (empty), the shard and the application.</summary>
    public Task ReadyAsync(long sequence = 1, string sessionId = SessionId, int shardId = 0, int shardCount = 1, string? guildId = null) =>
        DispatchAsync("READY", sequence, $$"""
            {"v":10,"user":{{BotUserJson}},"guilds":[{{(guildId is null ? "" : $$"""{"id":"{{guildId}}","unavailable":true}""")}}],"private_channels":[],"relationships":[],"presences":[],
             "session_id":"{{sessionId}}","resume_gateway_url":"{{server.ResumeUrl}}","shard":[{{shardId}},{{shardCount}}],
             "application":{"id":"{{ApplicationId}}","flags":0}
            }
            """);

    /// <summary>The test server, as Discord sends it after READY: two text channels, and a moderator role that may manage it.</summary>
    public Task GuildCreateAsync(long sequence) =>
        DispatchAsync("GUILD_CREATE", sequence, $$"""
            {"id":"{{GuildId}}","name":"test server","owner_id":"100000000000000099","unavailable":false,"member_count":2,"large":false,
             "joined_at":"2026-01-01T00:00:00+00:00","features":[],"emojis":[],"stickers":[],"voice_states":[],"presences":[],"members":[],
             "threads":[],"stage_instances":[],"guild_scheduled_events":[],
             "roles":[{"id":"{{GuildId}}","name":"@everyone","permissions":"0","position":0,"color":0,"hoist":false,"managed":false,"mentionable":false},
                      {"id":"{{ModeratorRole}}","name":"mods","permissions":"32","position":1,"color":0,"hoist":false,"managed":false,"mentionable":false}],
             "channels":[{"id":"500000000000000005","type":0,"name":"general","position":0,"permission_overwrites":[]},
                         {"id":"500000000000000009","type":0,"name":"check-ins","position":1,"permission_overwrites":[]}]}
            """);

    public Task ResumedAsync(long sequence) => DispatchAsync("RESUMED", sequence, "{}");

    public Task DispatchAsync(string eventName, long sequence, string data) =>
        SendAsync($$"""{"op":0,"s":{{sequence}},"t":"{{eventName}}","d":{{data}}}""");

    public async Task SendAsync(string json)
    {
        await _sendLock.WaitAsync();
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Sends one message split over several WebSocket frames, as Discord does with large READY payloads.</summary>
    public async Task SendFragmentedAsync(string json, int frameSize)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        await _sendLock.WaitAsync();
        try
        {
            for (var offset = 0; offset < bytes.Length; offset += frameSize)
            {
                var count = Math.Min(frameSize, bytes.Length - offset);
                await socket.SendAsync(bytes.AsMemory(offset, count), WebSocketMessageType.Text, offset + count >= bytes.Length, CancellationToken.None);
            }
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>The next non-heartbeat payload from the client, which must carry <paramref name="op"/>.</summary>
    public async Task<JsonElement> ExpectAsync(int op)
    {
        using var timeout = new CancellationTokenSource(FakeDiscordServer.Patience);
        var payload = await _payloads.Reader.ReadAsync(timeout.Token);
        var actual = payload.GetProperty("op").GetInt32();
        if (actual != op)
        {
            throw new InvalidOperationException($"Expected op {op} from the client, got {payload.GetRawText()}");
        }

        return payload.GetProperty("d");
    }

    public async Task CloseAsync(int code)
    {
        await _sendLock.WaitAsync();
        try
        {
            await socket.CloseOutputAsync((WebSocketCloseStatus)code, "scripted", CancellationToken.None);
        }
        catch (WebSocketException)
        {
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Drops the TCP connection without a close frame.</summary>
    public void Drop() => socket.Abort();

    public async Task<JsonElement> WaitForHeartbeatAsync(Func<JsonElement, bool> match)
    {
        var deadline = DateTime.UtcNow + FakeDiscordServer.Patience;
        while (DateTime.UtcNow < deadline)
        {
            var found = Heartbeats.FirstOrDefault(match);
            if (found.ValueKind != JsonValueKind.Undefined)
            {
                return found;
            }

            await Task.Delay(10);
        }

        throw new TimeoutException("The expected heartbeat never arrived.");
    }

    public async Task WaitForHeartbeatCountAsync(int count)
    {
        var deadline = DateTime.UtcNow + FakeDiscordServer.Patience;
        while (Heartbeats.Count < count)
        {
            if (DateTime.UtcNow > deadline || Closed.IsCompleted)
            {
                throw new TimeoutException($"Only {Heartbeats.Count} heartbeats arrived before the connection ended or time ran out.");
            }

            await Task.Delay(10);
        }
    }

    private async Task PumpAsync()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        _closed.TrySetResult((int?)result.CloseStatus);
                        return;
                    }

                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);

                using var document = JsonDocument.Parse(message.ToArray());
                var payload = document.RootElement.Clone();
                if (payload.GetProperty("op").GetInt32() == 1)
                {
                    Heartbeats.Enqueue(payload);
                    if (AckHeartbeats)
                    {
                        await SendAsync("""{"op":11,"d":null,"s":null,"t":null}""");
                    }

                    continue;
                }

                await _payloads.Writer.WriteAsync(payload);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            _closed.TrySetResult(null);
        }
    }
}
