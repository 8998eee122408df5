namespace Bot.Adapters.Telegram;

public enum TelegramMode
{
    /// <summary>One process long-polls getUpdates (elected through <see cref="IPollerLease"/>).</summary>
    Polling = 0,

    /// <summary>Telegram POSTs updates to the Bot.Host endpoint; any number of replicas.</summary>
    Webhook = 1,
}
