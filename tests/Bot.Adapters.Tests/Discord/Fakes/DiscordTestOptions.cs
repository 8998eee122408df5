using Bot.Adapters.Discord;

using Bot.Testing.Discord;

namespace Bot.Adapters.Tests.Discord.Fakes;

internal static class DiscordTestOptions
{
    public const string Token = "test-token-not-real";

    public static DiscordOptions For(FakeDiscordServer server) => new()
    {
        Enabled = true,
        BotToken = Token,
        ApiBaseUrl = server.ApiBaseUrl,
        GatewayUrl = server.GatewayUrl.ToString().TrimEnd('/'),
        RestRetryDelay = TimeSpan.FromMilliseconds(10),
        RequestTimeout = TimeSpan.FromSeconds(10),
        HandshakeTimeout = TimeSpan.FromSeconds(20),
        InteractionAckDeadline = TimeSpan.FromMilliseconds(300),
    };

    /// <summary>The same settings as configuration keys, for tests that go through AddDiscordAdapter.</summary>
    public static Dictionary<string, string?> Settings(FakeDiscordServer server) => new()
    {
        ["Discord:Enabled"] = "true",
        ["Discord:BotToken"] = Token,
        ["Discord:ApiBaseUrl"] = server.ApiBaseUrl,
        ["Discord:GatewayUrl"] = server.GatewayUrl.ToString().TrimEnd('/'),
        ["Discord:RestRetryDelay"] = "00:00:00.010",
        // Generous, so a quick handler on a loaded machine still gets the direct answer; slow cases hold the handler instead.
        ["Discord:InteractionAckDeadline"] = "00:00:02.5",
    };
}
