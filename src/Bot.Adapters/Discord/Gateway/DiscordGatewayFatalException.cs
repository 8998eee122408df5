namespace Bot.Adapters.Discord.Gateway;

/// <summary>Discord closed the gateway with a code that reconnecting cannot fix (bad token, shard or intents).</summary>
public sealed class DiscordGatewayFatalException(int closeCode, string message) : Exception(message)
{
    public int CloseCode { get; } = closeCode;
}
