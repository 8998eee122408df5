using System.Text.Json.Nodes;
using Bot.Testing;
using Bot.Testing.Telegram;

namespace Bot.IntegrationTests.Faults;

public sealed class LogHygieneTests
{
    private const long PersonId = 424242001;
    private const string FirstName = "Wrenna";
    private const string LastName = "Quillfeather";
    private const string Username = "wrenna_q_77";

    [Theory]
    [InlineData("console")]
    [InlineData("json")]
    public async Task RealHost_AtDebugLevel_NeverLogsTokensMessageTextOrDisplayNames(string format)
    {
        var postgres = await PostgresServer.GetAsync();
        var database = await postgres.CreateDatabaseAsync("loghygiene");
        await using var api = new FakeTelegramBotApi();
        var environment = HostEnvironment.For(database, api);
        environment["Logging__Format"] = format;
        environment["Logging__LogLevel__Default"] = "Debug";
        environment["Logging__LogLevel__Microsoft.AspNetCore"] = "Debug";
        environment["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "Debug";
        environment["Logging__LogLevel__Quartz"] = "Debug";
        environment["Logging__LogLevel__System.Net.Http"] = "Debug";

        // Discord is enabled with a real-looking token against a loopback port nobody listens on: its connection
        // failures are logged over and over, and the token must not be among them.
        environment["Discord__Enabled"] = "true";
        environment["Discord__BotToken"] = HostEnvironment.DiscordToken;
        environment["Discord__ApiBaseUrl"] = "http://127.0.0.1:9/api/v10";
        environment["Discord__ReconnectDelay"] = "00:00:00.200";
        environment["Discord__MaxReconnectDelay"] = "00:00:01";
        environment["Discord__RestRetryDelay"] = "00:00:00.050";

        await using var bot = RunningBot.Start(HostEnvironment.HostPath, environment);
        api.Enqueue(Text(1, "/checkin"));
        api.Enqueue(Text(2, Updates.SecretSentence));
        api.Enqueue(Text(3, "I am " + FirstName + " " + LastName + " and " + Updates.SecretSentence));
        api.Enqueue(Text(4, "/help"));
        await Eventually.TrueAsync(() => api.ConfirmedOffset >= 5 && api.CallsTo("sendMessage").Count >= 4 || bot.HasExited, "the four messages answered");
        Assert.False(bot.HasExited, string.Join('\n', bot.Lines));
        Assert.Equal(0, await bot.StopAsync());

        var lines = bot.Lines;
        Assert.True(lines.Count > 20, $"Debug logging should be busy, got {lines.Count} lines");
        Assert.Contains(lines, l => l.Contains("Telegram", StringComparison.OrdinalIgnoreCase));
        var secrets = new[]
        {
            FakeTelegramBotApi.Token,
            FakeTelegramBotApi.Token.Split(':')[1],
            HostEnvironment.DiscordToken,
            HostEnvironment.DiscordToken.Split('.')[2],
            HostEnvironment.EncryptionKeys.Split(':')[1],
            Updates.SecretSentence,
            "private worry",
            FirstName,
            LastName,
            Username,
        };
        foreach (var line in lines)
        {
            foreach (var secret in secrets)
            {
                Assert.False(line.Contains(secret, StringComparison.OrdinalIgnoreCase), $"Log line leaks '{secret}': {line}");
            }
        }

        Assert.Empty(api.Errors);
    }

    private static JsonObject Text(int updateId, string text)
    {
        var update = Updates.Text(updateId, text);
        var message = update["message"]!.AsObject();
        message["from"] = new JsonObject { ["id"] = PersonId, ["is_bot"] = false, ["first_name"] = FirstName, ["last_name"] = LastName, ["username"] = Username };
        message["chat"] = new JsonObject { ["id"] = PersonId, ["first_name"] = FirstName, ["last_name"] = LastName, ["username"] = Username, ["type"] = "private" };
        return update;
    }
}
