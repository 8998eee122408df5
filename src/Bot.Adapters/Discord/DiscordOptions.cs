namespace Bot.Adapters.Discord;

/// <summary>Configuration section "Discord". Secrets come from the environment (Discord__BotToken), never appsettings.json.</summary>
public sealed class DiscordOptions
{
    public const string SectionName = "Discord";

    /// <summary>GUILDS | GUILD_MESSAGES | DIRECT_MESSAGES. No privileged intent: DM text arrives without MESSAGE_CONTENT.</summary>
    public const int DefaultIntents = 1 | 512 | 4096;

    public bool Enabled { get; set; }

    public string BotToken { get; set; } = "";

    /// <summary>REST base URL. Point it at a rate-limit proxy, or at a loopback fake in tests.</summary>
    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";

    /// <summary>
    /// Gateway URL (ws:// or wss://, no query). Empty: asked from Discord (GET /gateway/bot through <see cref="ApiBaseUrl"/>),
    /// which is right for production; tests point it at a loopback fake.
    /// </summary>
    public string GatewayUrl { get; set; } = "";

    /// <summary>The shards this process runs; empty means all of 0 .. <see cref="ShardCount"/> - 1.</summary>
    public int[] ShardIds { get; set; } = [];

    public int ShardCount { get; set; } = 1;

    public int Intents { get; set; } = DefaultIntents;

    public bool RegisterCommandsOnStart { get; set; } = true;

    /// <summary>Interactions must be answered within 3 s; past this point the adapter defers and edits later.</summary>
    public TimeSpan InteractionAckDeadline { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>First pause before trying an inbound message again; it doubles up to a minute.</summary>
    public TimeSpan RestRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Attempts for one inbound message (pausing <see cref="RestRetryDelay"/>, doubling, between them) before it is parked
    /// as a dead letter. An outage (database or network away) uses up none of them.
    /// </summary>
    public int InboundAttempts { get; set; } = Bot.Core.Inbound.InboundAttempts.DefaultLimit;

    /// <summary>A 429 asking to wait longer than this is handed back to the caller (the outbox retries later) instead of waited out.</summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long to wait for Hello, READY or RESUMED before treating the connection as dead.</summary>
    public TimeSpan HandshakeTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Buttons on messages older than this get the kind "that one has expired" answer instead of acting.</summary>
    public TimeSpan ButtonLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a "cannot message this user" (50007) answer is remembered, to avoid repeated 403s.</summary>
    public TimeSpan UnreachableMemory { get; set; } = TimeSpan.FromMinutes(30);

    public IReadOnlyList<int> EffectiveShardIds => ShardIds.Length > 0 ? ShardIds : [.. Enumerable.Range(0, Math.Max(1, ShardCount))];
}
