namespace Bot.Adapters.Discord;

/// <summary>
/// Carries what one send needs beyond Discord.Net's own parameters, down to <see cref="DiscordRestBridge"/> in the same
/// async flow: the nonce (Discord.Net sets none, and without one a retried send can post twice) and, back up, the wait a
/// 429 asked for when Discord.Net gave up waiting.
/// </summary>
internal sealed class DiscordSendContext
{
    private static readonly AsyncLocal<DiscordSendContext?> CurrentContext = new();

    private DiscordSendContext(string? nonce) => Nonce = nonce;

    public static DiscordSendContext? Current => CurrentContext.Value;

    public string? Nonce { get; }

    public TimeSpan? RetryAfter { get; set; }

    /// <summary>Sets the context for the calls awaited inside <paramref name="send"/>.</summary>
    public static async Task<(T Result, DiscordSendContext Context)> RunAsync<T>(string? nonce, Func<Task<T>> send)
    {
        var context = new DiscordSendContext(nonce);
        var previous = CurrentContext.Value;
        CurrentContext.Value = context;
        try
        {
            return (await send(), context);
        }
        finally
        {
            CurrentContext.Value = previous;
        }
    }
}
