using Discord;
using Discord.Net;
using Discord.Rest;
using Discord.WebSocket;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Adapters.Discord;

/// <summary>
/// The Discord.Net client: <see cref="DiscordSocketClient"/> for one shard, <see cref="DiscordShardedClient"/> for several
/// in this process. Discord.Net resumes, reconnects, heartbeats and keeps the rate-limit buckets; this class adds what
/// its defaults lack: it stops for good on a fatal close code (Discord.Net would reconnect forever) and reports it.
/// Event handlers run on Discord.Net's gateway loop, so whoever subscribes must hand work off at once.
/// </summary>
public sealed partial class DiscordConnection : IAsyncDisposable
{
    private readonly DiscordOptions _options;
    private readonly ILogger<DiscordConnection> _logger;
    private readonly TaskCompletionSource<string> _fatal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly DiscordSocketClient? _single;
    private readonly DiscordShardedClient? _sharded;
    private readonly SemaphoreSlim _login = new(1, 1);
    private int _started;

    public DiscordConnection(IOptions<DiscordOptions> options, DiscordRequestGuard guard, IHttpClientFactory http, TimeProvider time, ILogger<DiscordConnection> logger)
    {
        _options = options.Value;
        _logger = logger;
        var httpClient = http.CreateClient(DiscordServiceCollectionExtensions.HttpClientName);
        httpClient.Timeout = _options.RequestTimeout;
        var shardIds = _options.EffectiveShardIds;
        var config = new DiscordSocketConfig
        {
            GatewayIntents = (GatewayIntents)_options.Intents,
            RestClientProvider = _ => new DiscordRestBridge(httpClient, _options.ApiBaseUrl, _options.MaxRateLimitWait, guard, time),
            // Discord.Net uses this as given; without it the URL comes from GET /gateway/bot (with zlib compression).
            GatewayHost = string.IsNullOrEmpty(_options.GatewayUrl) ? null : $"{_options.GatewayUrl.TrimEnd('/')}?v=10&encoding=json",
            // The 3 s window is counted from when the interaction reached us, not from Discord's clock.
            UseInteractionSnowflakeDate = false,
            ConnectionTimeout = (int)_options.HandshakeTimeout.TotalMilliseconds,
            MessageCacheSize = 0,
            AlwaysDownloadUsers = false,
            LogGatewayIntentWarnings = false,
            SuppressUnknownDispatchWarnings = true,
            TotalShards = _options.ShardCount,
            DefaultRetryMode = RetryMode.AlwaysRetry,
            LogLevel = LogSeverity.Warning,
        };
        if (shardIds.Count == 1)
        {
            config.ShardId = shardIds[0];
            _single = new DiscordSocketClient(config);
            _single.Ready += () => OnReadyAsync(_single);
            _single.Disconnected += ex => OnDisconnectedAsync(ex);
            Client = _single;
        }
        else
        {
            _sharded = new DiscordShardedClient([.. shardIds], config);
            _sharded.ShardReady += OnReadyAsync;
            _sharded.ShardDisconnected += (ex, _) => OnDisconnectedAsync(ex);
            Client = _sharded;
        }

        Client.Log += OnLogAsync;
        Rest = new DiscordRestClient(new DiscordRestConfig
        {
            RestClientProvider = config.RestClientProvider,
            DefaultRetryMode = RetryMode.AlwaysRetry,
            LogLevel = LogSeverity.Warning,
        });
        Rest.Log += OnLogAsync;
    }

    /// <summary>Where MessageReceived and InteractionCreated come from, for one shard or many.</summary>
    public BaseSocketClient Client { get; }

    /// <summary>
    /// REST for sends and command registration, logged in on its own so it works before the gateway's READY (the
    /// gateway client's REST side knows the bot user only after READY). Rate-limit state shared with the gateway client:
    /// the global pause and invalid-request budget (in <see cref="DiscordRequestGuard"/>); buckets are per client.
    /// </summary>
    public DiscordRestClient Rest { get; }

    /// <summary>Raised (on the gateway loop) by each shard's READY, again after every new session.</summary>
    public event Func<DiscordSocketClient, Task>? Ready;

    /// <summary>Completes with the cause when the gateway stopped for good (bad token, shard or intents).</summary>
    public Task<string> Fatal => _fatal.Task;

    public string? BotUserId => Client.CurrentUser?.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public bool IsConnected => !_fatal.Task.IsCompleted && (_single is not null
        ? _single.ConnectionState == ConnectionState.Connected
        : _sharded!.Shards.Count > 0 && _sharded.Shards.All(s => s.ConnectionState == ConnectionState.Connected));

    /// <summary>
    /// Logs in (trying again, 1 s doubling to a minute, while Discord cannot be reached; a rejected token is fatal) and
    /// starts the gateway, which Discord.Net then keeps connected.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) == 1)
        {
            return;
        }

        for (var wait = TimeSpan.FromSeconds(1); ; wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, TimeSpan.FromMinutes(1).Ticks)))
        {
            try
            {
                await LoginAsync();
                break;
            }
            catch (HttpException ex) when (ex.HttpCode == System.Net.HttpStatusCode.Unauthorized)
            {
                Stop(4004);
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or HttpException or TimeoutException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                LogLoginFailed(_logger, ex.GetType().Name, wait);
                await Task.Delay(wait, cancellationToken);
            }
        }

        await Client.StartAsync();
    }

    /// <summary>Logs in for REST (once; again only after a failure). Sends may come before the gateway is up.</summary>
    public async Task LoginAsync()
    {
        if (Rest.LoginState == LoginState.LoggedIn && Client.LoginState == LoginState.LoggedIn)
        {
            return;
        }

        await _login.WaitAsync();
        try
        {
            // The shape of the token is checked by DiscordOptionsValidator; Discord itself answers the rest.
            if (Rest.LoginState != LoginState.LoggedIn)
            {
                await Rest.LoginAsync(TokenType.Bot, _options.BotToken, validateToken: false);
            }

            if (Client.LoginState != LoginState.LoggedIn)
            {
                await Client.LoginAsync(TokenType.Bot, _options.BotToken, validateToken: false);
            }
        }
        finally
        {
            _login.Release();
        }
    }

    public async Task StopAsync()
    {
        try
        {
            await Client.StopAsync();
            await Client.LogoutAsync();
            await Rest.LogoutAsync();
        }
        catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException)
        {
            // Never started, or already down.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Client.Dispose();
        Rest.Dispose();
    }

    /// <summary>The cause of a close code that no reconnect can fix, naming the setting to change; null for the others.</summary>
    public static string? FatalCause(int closeCode) => closeCode switch
    {
        4004 => "authentication failed. The bot token is wrong or was reset; set Discord:BotToken to the current token.",
        4010 => "invalid shard. Check Discord:ShardIds and Discord:ShardCount.",
        4011 => "sharding required. The bot is in too many servers for one connection; raise Discord:ShardCount.",
        4012 => "invalid API version. This build speaks gateway v10.",
        4013 => "invalid intents. Check Discord:Intents.",
        4014 => "disallowed intents. A privileged intent in Discord:Intents is not enabled for this bot in the developer portal (Bot > Privileged Gateway Intents); enable it there or remove it.",
        _ => null,
    };

    private Task OnReadyAsync(DiscordSocketClient shard) => Ready?.Invoke(shard) ?? Task.CompletedTask;

    private Task OnDisconnectedAsync(Exception? exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            if (ex is WebSocketClosedException closed && FatalCause(closed.CloseCode) is not null)
            {
                Stop(closed.CloseCode);
                break;
            }
        }

        return Task.CompletedTask;
    }

    private void Stop(int closeCode)
    {
        var cause = $"Discord gateway closed with {closeCode}: {FatalCause(closeCode)}";
        if (_fatal.TrySetResult(cause))
        {
            LogGatewayStopped(_logger, closeCode, cause);
            // Not awaited here: this runs on the gateway loop that StopAsync waits for.
            _ = Task.Run(StopAsync);
        }
    }

    private Task OnLogAsync(LogMessage message)
    {
        // Only the source, the severity and an exception's type: the library's own text and an exception's message can quote
        // a payload (a person's words, a name), and the close codes that matter are logged above in our own words.
        if (message.Severity <= LogSeverity.Warning)
        {
            LogLibrary(_logger, message.Source, message.Severity, message.Exception?.GetType().Name ?? "none");
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 6301, Level = LogLevel.Critical, Message = "Discord adapter stopped ({Code}). {Cause}")]
    private static partial void LogGatewayStopped(ILogger logger, int code, string cause);

    [LoggerMessage(EventId = 6311, Level = LogLevel.Warning, Message = "Discord login failed ({Error}); trying again in {Wait}")]
    private static partial void LogLoginFailed(ILogger logger, string error, TimeSpan wait);

    [LoggerMessage(EventId = 6310, Level = LogLevel.Warning, Message = "Discord.Net {Source} reported a {Severity} (exception: {ExceptionType})")]
    private static partial void LogLibrary(ILogger logger, string source, LogSeverity severity, string exceptionType);
}
