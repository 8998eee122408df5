namespace Bot.Adapters.Telegram;

/// <summary>The "Telegram" configuration section. Secrets come from the environment (Telegram__BotToken), never appsettings.json.</summary>
public sealed class TelegramOptions
{
    public const string SectionName = "Telegram";

    public const string DefaultApiBaseUrl = "https://api.telegram.org";

    public bool Enabled { get; set; }

    public string BotToken { get; set; } = "";

    /// <summary>Scheme and authority only (Telegram.Bot drops any path); point it at a self-hosted Bot API server if you run one.</summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    public TelegramMode Mode { get; set; } = TelegramMode.Polling;

    /// <summary>Public HTTPS address Telegram posts to in webhook mode; its path is also where Bot.Host listens.</summary>
    public string WebhookUrl { get; set; } = "";

    /// <summary>1-256 characters of A-Z a-z 0-9 _ -; Telegram echoes it in X-Telegram-Bot-Api-Secret-Token.</summary>
    public string WebhookSecret { get; set; } = "";

    /// <summary>How long one getUpdates call may wait on the server for news (the long-poll timeout).</summary>
    public TimeSpan PollingTimeout { get; set; } = TimeSpan.FromSeconds(50);

    /// <summary>Upper bound for one ordinary API call (sending, answering); the long poll gets <see cref="PollingTimeout"/> on top.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>First pause after a failed call; doubles on each failure up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Attempts for one inbound update (pausing <see cref="RetryDelay"/>, doubling, between them) before it is parked as a
    /// dead letter and the next updates go on. An outage (database or network away) uses up none of them.
    /// </summary>
    public int InboundAttempts { get; set; } = Bot.Core.Inbound.InboundAttempts.DefaultLimit;

    /// <summary>
    /// Polling mode: how many chats of one getUpdates batch are handled at the same time (each chat's updates stay in
    /// order). Each one holds a database connection while its turn runs.
    /// </summary>
    public int PollingConcurrency { get; set; } = 16;

    /// <summary>Pause after a 409 Conflict: another poller or a webhook holds the updates.</summary>
    public TimeSpan ConflictBackoff { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often a replica without the poller lease asks for it again.</summary>
    public TimeSpan LeaseRetryInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Buttons older than this answer "that one has expired" instead of moving the conversation.</summary>
    public TimeSpan ButtonLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Optional: the bot's @username for deep links; read from getMe when empty.</summary>
    public string BotUsername { get; set; } = "";
}
