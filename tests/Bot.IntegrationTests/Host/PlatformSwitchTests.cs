using System.Net;
using System.Text.Json;
using Bot.IntegrationTests.Faults;
using Bot.Testing;
using Bot.Testing.Telegram;

namespace Bot.IntegrationTests.Host;

/// <summary>
/// A token present turns its platform on (no separate Enabled needed); an explicit Enabled=false still wins; a bot with
/// no platform at all says so once in its log and reports itself degraded with the same reason.
/// </summary>
public sealed class PlatformSwitchTests
{
    private const string NoPlatform = "No chat platform is enabled";

    [Fact]
    public async Task TelegramToken_WithoutEnabled_TurnsTelegramOn_AndThePersonIsAnswered()
    {
        var postgres = await PostgresServer.GetAsync();
        var database = await postgres.CreateDatabaseAsync("token_enables");
        await using var api = new FakeTelegramBotApi();
        var environment = HostEnvironment.For(database, api);
        environment.Remove("Telegram__Enabled");
        await using var bot = RunningBot.Start(HostEnvironment.HostPath, environment);

        api.Enqueue(Traffic.CheckIn(1));
        await Eventually.TrueAsync(() => Traffic.ChatsAnswered(api).Count == 1 || bot.HasExited, "the person is answered");

        Assert.False(bot.HasExited, string.Join('\n', bot.Lines));
        Assert.DoesNotContain(bot.Lines, l => l.Contains(NoPlatform, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TelegramToken_WithEnabledFalse_StaysOff_AndTheBotWarnsOnce_AndIsDegradedWithTheReason()
    {
        var postgres = await PostgresServer.GetAsync();
        var database = await postgres.CreateDatabaseAsync("no_platform");
        await using var api = new FakeTelegramBotApi();
        var environment = HostEnvironment.For(database, api);
        environment["Telegram__Enabled"] = "false";
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        await using var bot = RunningBot.Start(HostEnvironment.HostPath, environment);

        (HttpStatusCode Status, JsonElement Body) health = default;
        await Eventually.TrueAsync(
            () => (health = Health(http, bot)).Body.ValueKind == JsonValueKind.Object && health.Body.GetProperty("database").GetString() == "ok" || bot.HasExited,
            "the bot answers on /healthz with its database up");
        api.Enqueue(Traffic.CheckIn(1));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(0, await bot.StopAsync());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.Status);
        Assert.Equal("degraded", health.Body.GetProperty("status").GetString());
        Assert.Contains(NoPlatform, health.Body.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Single(bot.Lines, l => l.Contains(NoPlatform, StringComparison.Ordinal) && l.Contains("Telegram__BotToken", StringComparison.Ordinal));
        Assert.Empty(api.CallsTo("getUpdates"));
    }

    private static (HttpStatusCode Status, JsonElement Body) Health(HttpClient http, RunningBot bot)
    {
        try
        {
            using var response = http.GetAsync(bot.ManagementUrl + "/healthz").GetAwaiter().GetResult();
            return (response.StatusCode, JsonDocument.Parse(response.Content.ReadAsStringAsync().GetAwaiter().GetResult()).RootElement.Clone());
        }
        catch (HttpRequestException)
        {
            return (0, default);
        }
    }
}
