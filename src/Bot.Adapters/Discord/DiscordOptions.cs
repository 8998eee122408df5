namespace Bot.Adapters.Discord;

/// <summary>Configuration section "Discord". Secrets come from the environment (Discord__BotToken), never appsettings.json.</summary>
public sealed class DiscordOptions
{
    public const string SectionName = "Discord";

    /// <summary>GUILDS | GUILD_MESSAGES | DIRECT_MESSAGES. No privileged intent: DM text arrives without MESSAGE_CONTENT.</summary>
    public const int DefaultIntents = 1 | 512 | 4096;

    public bool Enabled { get; set; }

    public string BotToken { get; set; } = "";

    /// <summary>Needed to register slash commands and answer interactions; READY also carries it, this wins when set.</summary>
    public string ApplicationId { get; set; } = "";

    /// <summary>REST base URL. Point it at a rate-limit proxy, or at a loopback fake in tests; the gateway URL comes from GET /gateway/bot through it.</summary>
    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";

    public int ShardId { get; set; }

    public int ShardCount { get; set; } = 1;

    public int Intents { get; set; } = DefaultIntents;

    public bool RegisterCommandsOnStart { get; set; } = true;

    /// <summary>Interactions must be answered within 3 s; past this point the adapter defers and edits later.</summary>
    public TimeSpan InteractionAckDeadline { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>First pause before retrying a 5xx or a timeout; it grows as 1, 3, 5 times this value.</summary>
    public TimeSpan RestRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public int RestMaxRetries { get; set; } = 3;

    /// <summary>
    /// Attempts for one inbound message (pausing <see cref="RestRetryDelay"/>, doubling up to <see cref="MaxReconnectDelay"/>,
    /// between them) before it is parked as a dead letter. An outage (database or network away) uses up none of them.
    /// </summary>
    public int InboundAttempts { get; set; } = Bot.Core.Inbound.InboundAttempts.DefaultLimit;

    /// <summary>A 429 asking to wait longer than this is handed back to the caller (the outbox retries later) instead of waited out.</summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>After op 9 (not resumable) Discord asks for a random pause of 1 to 5 s before identifying again.</summary>
    public TimeSpan InvalidSessionDelayMin { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan InvalidSessionDelayMax { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>At most one Identify per this window (max_concurrency 1).</summary>
    public TimeSpan IdentifyInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long to wait for Hello, READY or RESUMED before treating the connection as dead.</summary>
    public TimeSpan HandshakeTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Buttons on messages older than this get the kind "that one has expired" answer instead of acting.</summary>
    public TimeSpan ButtonLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a "cannot message this user" (50007) answer is remembered, to avoid repeated 403s.</summary>
    public TimeSpan UnreachableMemory { get; set; } = TimeSpan.FromMinutes(30);
}
