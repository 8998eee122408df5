namespace Bot.Adapters.Discord.Rest;

public sealed class DiscordRestException(string message, int statusCode, int? errorCode) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public int? ErrorCode { get; } = errorCode;
}
