namespace Bot.Host.Database;

/// <summary>
/// How start-up treats a database it cannot reach: the long-running bot (`run`) waits for it, retrying with a doubling
/// delay, while the terminal verbs fail at once.
/// </summary>
public sealed class DatabaseStartupOptions
{
    public bool WaitWhileUnreachable { get; set; }

    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);
}
