using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Adapters.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Adapters.Discord.Gateway;

/// <summary>
/// One gateway session kept alive across connections: Hello, heartbeats with first-beat jitter, zombie detection,
/// Identify or Resume, op 7 and op 9, the close-code table, and sequence tracking so each event is handed on once.
/// The receive loop only parses and hands dispatches to <c>onDispatch</c>; it must stay fast.
/// </summary>
public sealed partial class DiscordGatewayClient(
    IGatewayTransport transport,
    DiscordRestClient rest,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<DiscordGatewayClient> logger)
{
    private const int ResumableCloseCode = 4000;
    private const int NormalCloseCode = 1000;

    private readonly DiscordOptions _options = options.Value;
    private readonly GatewaySendLimiter _sendLimiter = new(time);
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private DateTimeOffset _lastIdentify = DateTimeOffset.MinValue;
    private volatile bool _connected;
    private long _lastSequence = -1;

    public string? BotUserId { get; private set; }

    public string? ApplicationId { get; private set; }

    /// <summary>True while a session is up (after READY or RESUMED, until that connection ends).</summary>
    public bool IsConnected => _connected;

    internal string? SessionId { get; private set; }

    /// <summary>Read by the heartbeat task while the receive loop writes it, hence the atomic backing field (-1 = none).</summary>
    internal long? LastSequence
    {
        get => Interlocked.Read(ref _lastSequence) is var value && value >= 0 ? value : null;
        private set => Interlocked.Exchange(ref _lastSequence, value ?? -1);
    }

    internal Uri? ResumeUrl { get; private set; }

    internal int IdentifyCount { get; private set; }

    public async Task RunAsync(Func<GatewayDispatch, CancellationToken, ValueTask> onDispatch, CancellationToken cancellationToken)
    {
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            ConnectionEnd end;
            try
            {
                end = await ConnectOnceAsync(onDispatch, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (DiscordRestException ex) when (ex.StatusCode == 401)
            {
                throw new DiscordGatewayFatalException(4004, "Discord rejected the bot token (HTTP 401 on GET /gateway/bot). Check Discord:BotToken.");
            }
            catch (DiscordRestException ex)
            {
                LogGatewayLookupFailed(logger, ex, ex.StatusCode);
                end = new ConnectionEnd(Reconnect.Resume, Healthy: false, TimeSpan.Zero);
            }
            catch (Exception ex) when (ex is not DiscordGatewayFatalException && !cancellationToken.IsCancellationRequested)
            {
                // A socket that fails mid-send is a dropped connection: keep the session and try to resume.
                LogConnectionFailed(logger, ex);
                end = new ConnectionEnd(Reconnect.Resume, Healthy: false, TimeSpan.Zero);
            }

            if (end.Reconnect == Reconnect.Identify)
            {
                ForgetSession();
            }

            failures = end.Healthy ? 0 : failures + 1;
            var delay = end.Delay;
            if (failures > 0)
            {
                var backoff = _options.ReconnectDelay * Math.Pow(2, Math.Min(failures - 1, 10));
                backoff = backoff > _options.MaxReconnectDelay ? _options.MaxReconnectDelay : backoff;
                var jitter = TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * Math.Min(250, backoff.TotalMilliseconds / 4));
                delay = delay > backoff ? delay : backoff + jitter;
            }

            if (delay > TimeSpan.Zero)
            {
                LogReconnecting(logger, end.Reconnect, delay);
                try
                {
                    await Task.Delay(delay, time, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task<ConnectionEnd> ConnectOnceAsync(Func<GatewayDispatch, CancellationToken, ValueTask> onDispatch, CancellationToken cancellationToken)
    {
        var resuming = SessionId is not null && ResumeUrl is not null && LastSequence is not null;
        Uri url;
        if (resuming)
        {
            url = ResumeUrl!;
        }
        else
        {
            var info = await rest.GetGatewayBotAsync(cancellationToken);
            if (info.RemainingSessionStarts <= 0)
            {
                // Going over the daily Identify budget resets the token; wait for the budget instead.
                LogNoSessionStartsLeft(logger, info.SessionStartResetAfter);
                return new ConnectionEnd(Reconnect.Identify, Healthy: true, info.SessionStartResetAfter + TimeSpan.FromSeconds(1));
            }

            url = info.Url;
            var sinceLast = time.GetUtcNow() - _lastIdentify;
            if (sinceLast < _options.IdentifyInterval)
            {
                await Task.Delay(_options.IdentifyInterval - sinceLast, time, cancellationToken);
            }
        }

        var connectUrl = new UriBuilder(url) { Query = "v=10&encoding=json" }.Uri;
        using var connection = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var handshake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        handshake.CancelAfter(_options.HandshakeTimeout);
        try
        {
            await transport.ConnectAsync(connectUrl, handshake.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogConnectFailed(logger, ex, resuming);
            return new ConnectionEnd(resuming ? Reconnect.Resume : Reconnect.Identify, Healthy: false, TimeSpan.Zero);
        }

        _sendLimiter.Reset();
        var state = new ConnectionState();
        Task? heartbeat = null;
        try
        {
            while (true)
            {
                GatewayFrame frame;
                try
                {
                    var receiveToken = state.Established ? connection.Token : handshake.Token;
                    frame = await transport.ReceiveAsync(receiveToken);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && !connection.IsCancellationRequested)
                {
                    LogHandshakeTimedOut(logger);
                    await transport.CloseAsync(ResumableCloseCode, CancellationToken.None);
                    return new ConnectionEnd(resuming ? Reconnect.Resume : Reconnect.Identify, Healthy: false, TimeSpan.Zero);
                }

                if (frame.IsClosed)
                {
                    return state.Zombie
                        ? new ConnectionEnd(Reconnect.Resume, state.Established, TimeSpan.Zero)
                        : OnClosed(frame.CloseCode, state.Established);
                }

                var end = await OnPayloadAsync(frame.Payload!, state, resuming, connection, handshake, onDispatch, ref heartbeat);
                if (end is not null)
                {
                    return end;
                }
            }
        }
        finally
        {
            _connected = false;
            await connection.CancelAsync();
            if (heartbeat is not null)
            {
                try
                {
                    await heartbeat;
                }
                catch (OperationCanceledException)
                {
                    // Stopped with its connection.
                }
            }

            if (cancellationToken.IsCancellationRequested)
            {
                // Shutting down: 1000 ends the session cleanly, so the bot shows offline at once.
                await transport.CloseAsync(NormalCloseCode, CancellationToken.None);
            }
        }
    }

    private ValueTask<ConnectionEnd?> OnPayloadAsync(
        byte[] payload,
        ConnectionState state,
        bool resuming,
        CancellationTokenSource connection,
        CancellationTokenSource handshake,
        Func<GatewayDispatch, CancellationToken, ValueTask> onDispatch,
        ref Task? heartbeat)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(payload);
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            LogUnreadablePayload(logger, ex);
            return ValueTask.FromResult<ConnectionEnd?>(null);
        }

        var op = root.TryGetProperty("op", out var opElement) && opElement.TryGetInt32(out var o) ? o : -1;
        switch (op)
        {
            case 10:
                var interval = TimeSpan.FromMilliseconds(root.GetProperty("d").GetProperty("heartbeat_interval").GetDouble());
                heartbeat ??= HeartbeatAsync(interval, state, connection.Token);
                return StartSessionAsync(resuming);
            case 11:
                state.AwaitingAck = false;
                return ValueTask.FromResult<ConnectionEnd?>(null);
            case 1:
                return SendHeartbeatNowAsync(connection.Token);
            case 7:
                LogReconnectRequested(logger);
                return CloseAndAsync(new ConnectionEnd(Reconnect.Resume, state.Established, TimeSpan.Zero));
            case 9:
                var resumable = root.TryGetProperty("d", out var d) && d.ValueKind == JsonValueKind.True;
                LogInvalidSession(logger, resumable);
                // Not healthy unless the session had been up: repeated op 9 on Identify must back off, not drain the daily budget.
                return CloseAndAsync(resumable && SessionId is not null
                    ? new ConnectionEnd(Reconnect.Resume, state.Established, TimeSpan.Zero)
                    : new ConnectionEnd(Reconnect.Identify, state.Established, InvalidSessionDelay()));
            case 0:
                return DispatchAsync(root, state, handshake, onDispatch, connection.Token);
            default:
                return ValueTask.FromResult<ConnectionEnd?>(null);
        }
    }

    private async ValueTask<ConnectionEnd?> StartSessionAsync(bool resuming)
    {
        if (resuming)
        {
            var resume = new JsonObject
            {
                ["op"] = 6,
                ["d"] = new JsonObject { ["token"] = _options.BotToken, ["session_id"] = SessionId, ["seq"] = LastSequence },
            };
            await SendAsync(resume, heartbeat: true, CancellationToken.None);
            return null;
        }

        var identify = new JsonObject
        {
            ["op"] = 2,
            ["d"] = new JsonObject
            {
                ["token"] = _options.BotToken,
                ["intents"] = _options.Intents,
                ["properties"] = new JsonObject { ["os"] = "linux", ["browser"] = "compassionbot", ["device"] = "compassionbot" },
                ["shard"] = new JsonArray(_options.ShardId, _options.ShardCount),
            },
        };
        _lastIdentify = time.GetUtcNow();
        IdentifyCount++;
        await SendAsync(identify, heartbeat: true, CancellationToken.None);
        return null;
    }

    private async ValueTask<ConnectionEnd?> DispatchAsync(
        JsonElement root, ConnectionState state, CancellationTokenSource handshake, Func<GatewayDispatch, CancellationToken, ValueTask> onDispatch, CancellationToken cancellationToken)
    {
        var name = root.TryGetProperty("t", out var t) ? t.GetString() ?? "" : "";
        var data = root.TryGetProperty("d", out var d) ? d : default;
        long? sequence = root.TryGetProperty("s", out var s) && s.TryGetInt64(out var n) ? n : null;

        if (name == "READY")
        {
            SessionId = data.GetProperty("session_id").GetString();
            ResumeUrl = data.TryGetProperty("resume_gateway_url", out var resumeUrl) && Uri.TryCreate(resumeUrl.GetString(), UriKind.Absolute, out var uri) ? uri : null;
            BotUserId = data.TryGetProperty("user", out var user) ? user.GetProperty("id").GetString() : null;
            ApplicationId = data.TryGetProperty("application", out var app) && app.TryGetProperty("id", out var appId) ? appId.GetString() : ApplicationId;
            LastSequence = null;
            MarkEstablished(state, handshake);
            LogReady(logger);
        }
        else if (name == "RESUMED")
        {
            MarkEstablished(state, handshake);
            LogResumed(logger, LastSequence);
        }

        if (sequence is { } seq)
        {
            if (LastSequence is { } last && seq <= last)
            {
                // Already handed on (a resume replay can overlap); handing it on again would handle it twice.
                LogDuplicateSequence(logger, seq);
                return null;
            }

            await onDispatch(new GatewayDispatch(name, seq, data, time.GetUtcNow()), cancellationToken);
            LastSequence = seq;
        }

        return null;
    }

    private void MarkEstablished(ConnectionState state, CancellationTokenSource handshake)
    {
        state.Established = true;
        _connected = true;
        handshake.CancelAfter(Timeout.InfiniteTimeSpan);
    }

    private async Task HeartbeatAsync(TimeSpan interval, ConnectionState state, CancellationToken cancellationToken)
    {
        // Jitter on the first beat, as Discord asks, so many clients reconnecting at once do not beat in step.
        await Task.Delay(interval * Random.Shared.NextDouble(), time, cancellationToken);
        while (!cancellationToken.IsCancellationRequested)
        {
            if (state.AwaitingAck)
            {
                LogZombie(logger);
                state.Zombie = true;
                await transport.CloseAsync(ResumableCloseCode, CancellationToken.None);
                return;
            }

            state.AwaitingAck = true;
            await SendHeartbeatNowAsync(cancellationToken);
            await Task.Delay(interval, time, cancellationToken);
        }
    }

    private async ValueTask<ConnectionEnd?> SendHeartbeatNowAsync(CancellationToken cancellationToken)
    {
        var beat = new JsonObject { ["op"] = 1, ["d"] = LastSequence };
        try
        {
            await SendAsync(beat, heartbeat: true, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A failing send means the socket is going; the receive loop sees the close and decides.
            LogSendFailed(logger, ex);
        }

        return null;
    }

    private async ValueTask<ConnectionEnd?> CloseAndAsync(ConnectionEnd end)
    {
        await transport.CloseAsync(ResumableCloseCode, CancellationToken.None);
        return end;
    }

    private async Task SendAsync(JsonObject payload, bool heartbeat, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(payload);
        while (_sendLimiter.TryTake(heartbeat) is var wait && wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }

        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await transport.SendAsync(bytes, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private ConnectionEnd OnClosed(int? code, bool established)
    {
        if (FatalCause(code) is { } cause)
        {
            LogFatalClose(logger, code!.Value, cause);
            throw new DiscordGatewayFatalException(code!.Value, $"Discord closed the gateway with {code}: {cause}");
        }

        LogClosed(logger, code);
        return code is 4003 or 4005 or 4007 or 4009
            ? new ConnectionEnd(Reconnect.Identify, established, TimeSpan.Zero)
            : new ConnectionEnd(Reconnect.Resume, established, TimeSpan.Zero);
    }

    private static string? FatalCause(int? code) => code switch
    {
        4004 => "authentication failed. The bot token is wrong or was reset; set Discord:BotToken to the current token.",
        4010 => "invalid shard. Check Discord:ShardId and Discord:ShardCount.",
        4011 => "sharding required. The bot is in too many servers for one connection; raise Discord:ShardCount.",
        4012 => "invalid API version. This build speaks gateway v10.",
        4013 => "invalid intents. Check Discord:Intents.",
        4014 => "disallowed intents. A privileged intent in Discord:Intents is not enabled for this bot in the developer portal (Bot > Privileged Gateway Intents); enable it there or remove it.",
        _ => null,
    };

    private TimeSpan InvalidSessionDelay()
    {
        var min = _options.InvalidSessionDelayMin;
        var spread = _options.InvalidSessionDelayMax - min;
        return min + (spread * Random.Shared.NextDouble());
    }

    private void ForgetSession()
    {
        SessionId = null;
        ResumeUrl = null;
        LastSequence = null;
    }

    internal enum Reconnect
    {
        Resume = 0,
        Identify = 1,
    }

    /// <param name="Healthy">The connection reached READY or RESUMED, so the reconnect backoff starts over.</param>
    private sealed record ConnectionEnd(Reconnect Reconnect, bool Healthy, TimeSpan Delay);

    private sealed class ConnectionState
    {
        public volatile bool AwaitingAck;
        public volatile bool Zombie;
        public volatile bool Established;
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Discord gateway ready (new session)")]
    private static partial void LogReady(ILogger logger);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Discord gateway resumed after sequence {Sequence}")]
    private static partial void LogResumed(ILogger logger, long? sequence);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Warning, Message = "Discord gateway missed a heartbeat ACK; reconnecting to resume")]
    private static partial void LogZombie(ILogger logger);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Information, Message = "Discord asked the gateway to reconnect (op 7)")]
    private static partial void LogReconnectRequested(ILogger logger);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Information, Message = "Discord gateway session invalid (op 9), resumable: {Resumable}")]
    private static partial void LogInvalidSession(ILogger logger, bool resumable);

    [LoggerMessage(EventId = 6006, Level = LogLevel.Information, Message = "Discord gateway closed with code {Code}")]
    private static partial void LogClosed(ILogger logger, int? code);

    [LoggerMessage(EventId = 6007, Level = LogLevel.Critical, Message = "Discord gateway closed with {Code} and will not reconnect: {Cause}")]
    private static partial void LogFatalClose(ILogger logger, int code, string cause);

    [LoggerMessage(EventId = 6008, Level = LogLevel.Information, Message = "Discord gateway reconnecting ({Reconnect}) in {Delay}")]
    private static partial void LogReconnecting(ILogger logger, Reconnect reconnect, TimeSpan delay);

    [LoggerMessage(EventId = 6009, Level = LogLevel.Warning, Message = "Discord gateway connection failed (resuming: {Resuming})")]
    private static partial void LogConnectFailed(ILogger logger, Exception exception, bool resuming);

    [LoggerMessage(EventId = 6010, Level = LogLevel.Warning, Message = "Discord gateway lookup failed with HTTP {Status}")]
    private static partial void LogGatewayLookupFailed(ILogger logger, Exception exception, int status);

    [LoggerMessage(EventId = 6011, Level = LogLevel.Warning, Message = "Discord gateway handshake timed out")]
    private static partial void LogHandshakeTimedOut(ILogger logger);

    [LoggerMessage(EventId = 6012, Level = LogLevel.Debug, Message = "Discord gateway event {Sequence} was already handed on; skipped")]
    private static partial void LogDuplicateSequence(ILogger logger, long sequence);

    [LoggerMessage(EventId = 6013, Level = LogLevel.Warning, Message = "Discord gateway payload was not JSON; skipped")]
    private static partial void LogUnreadablePayload(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6014, Level = LogLevel.Warning, Message = "Discord gateway send failed")]
    private static partial void LogSendFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6016, Level = LogLevel.Warning, Message = "Discord gateway connection failed; reconnecting")]
    private static partial void LogConnectionFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6015, Level = LogLevel.Error, Message = "Discord says no new sessions may start today; waiting {ResetAfter}")]
    private static partial void LogNoSessionStartsLeft(ILogger logger, TimeSpan resetAfter);
}
