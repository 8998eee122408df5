using Bot.Adapters.Discord;

namespace Bot.Adapters.Tests.Discord.Fakes;

internal static class DiscordTestOptions
{
    public const string Token = "test-token-not-real";

    /// <summary>Short delays so reconnect scenarios run quickly; every wait in the tests is generous instead.</summary>
    public static DiscordOptions For(FakeDiscordServer server) => new()
    {
        Enabled = true,
        BotToken = Token,
        ApplicationId = FakeGatewayConnection.ApplicationId,
        ApiBaseUrl = server.ApiBaseUrl,
        ReconnectDelay = TimeSpan.FromMilliseconds(10),
        MaxReconnectDelay = TimeSpan.FromMilliseconds(200),
        InvalidSessionDelayMin = TimeSpan.FromMilliseconds(5),
        InvalidSessionDelayMax = TimeSpan.FromMilliseconds(20),
        IdentifyInterval = TimeSpan.Zero,
        RestRetryDelay = TimeSpan.FromMilliseconds(10),
        RestMaxRetries = 2,
        RequestTimeout = TimeSpan.FromSeconds(10),
        HandshakeTimeout = TimeSpan.FromSeconds(20),
        InteractionAckDeadline = TimeSpan.FromMilliseconds(300),
    };
}
