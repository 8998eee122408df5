using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Bot.IntegrationTests.Faults;
using Bot.Testing;
using Bot.Testing.Discord;
using Bot.Testing.Telegram;

namespace Bot.IntegrationTests.Host;

/// <summary>
/// The real host process with Discord (Discord.Net) against the scripted fake Discord on loopback and Telegram against
/// the fake Bot API, on PostgreSQL: a DM, a button press, a slash command whose option is a cry for help, a resume with
/// the missed DM replayed, one identity across both platforms, and a fatal close code.
/// </summary>
public sealed partial class DiscordHostTests
{
    private const string Sam = "200000000000000002";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task DirectMessageButtonAndSlashCommand_AreAnsweredThroughTheOutbox_AndACryForHelpInAnOptionIsAnsweredPrivately()
    {
        await using var host = await DiscordHost.StartAsync("discordhost");
        var gateway = await host.ConnectAsync();

        await gateway.DispatchAsync("MESSAGE_CREATE", 2, DiscordEvents.DirectMessage(Sam, "/checkin"));
        var opener = await host.Server.WaitForRequestAsync(r => r.Method == "POST" && r.Path == $"/channels/{FakeGatewayConnection.DmChannelOf(Sam)}/messages"
            && r.Body.Contains("\"custom_id\"", StringComparison.Ordinal));
        var body = JsonDocument.Parse(opener.Body).RootElement;
        var customId = body.GetProperty("components")[0].GetProperty("components")[0].GetProperty("custom_id").GetString()!;
        Assert.True(body.TryGetProperty("nonce", out _));

        await gateway.DispatchAsync("INTERACTION_CREATE", 3, DiscordEvents.ButtonPress(Sam, customId));
        var callback = await host.Server.WaitForRequestAsync(r => r.Method == "POST" && r.Path.StartsWith("/interactions/", StringComparison.Ordinal));
        Assert.Contains(JsonDocument.Parse(callback.Body).RootElement.GetProperty("type").GetInt32(), new[] { 6, 7 });
        await Eventually.TrueAsync(() => DmPosts(host).Count >= 2 || host.Bot.HasExited, "the answer to the button press");

        var before = DmPosts(host).Count;
        await gateway.DispatchAsync("INTERACTION_CREATE", 4, DiscordEvents.SlashInServer(Sam, "win", "text", "honestly i want to kill myself tonight"));
        await Eventually.TrueAsync(() => DmPosts(host).Skip(before).Any(IsCrisisHelp) || host.Bot.HasExited, "crisis help in the DM");
        Assert.False(host.Bot.HasExited, string.Join('\n', host.Bot.Lines));
        var ephemeral = await host.Server.WaitForRequestAsync(r => r.Method == "POST" && r.Path.Contains("/slash-token-", StringComparison.Ordinal));
        Assert.Equal(64, JsonDocument.Parse(ephemeral.Body).RootElement.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Empty(host.Server.RequestsTo("POST", $"/channels/{DiscordEvents.GuildChannel}/messages"));
        Assert.Equal(0, await host.Bot.StopAsync());
    }

    [Fact]
    public async Task ConnectionDropped_ResumesAndTheMissedDirectMessageIsAnswered()
    {
        await using var host = await DiscordHost.StartAsync("discordresume");
        var first = await host.ConnectAsync();

        first.Drop();
        var second = await host.Server.NextConnectionAsync();
        Assert.Equal("/resume", second.Path);
        await second.HelloAsync();
        var resume = await second.ExpectAsync(6);
        Assert.Equal(FakeGatewayConnection.SessionId, resume.GetProperty("session_id").GetString());
        await second.DispatchAsync("MESSAGE_CREATE", 2, DiscordEvents.DirectMessage(Sam, "/help"));
        await second.ResumedAsync(3);

        await Eventually.TrueAsync(() => DmPosts(host).Count >= 1 || host.Bot.HasExited, "the missed DM answered");
        Assert.False(host.Bot.HasExited, string.Join('\n', host.Bot.Lines));
        Assert.Equal(0, await host.Bot.StopAsync());
    }

    [Fact]
    public async Task LinkCodeFromTelegram_UsedOnDiscord_JoinsBothAccountsIntoOnePerson()
    {
        await using var host = await DiscordHost.StartAsync("discordlink");
        var gateway = await host.ConnectAsync();

        host.Telegram.Enqueue(Updates.Text(1, "/link"));
        await Eventually.TrueAsync(() => TelegramTexts(host).Any(t => t.Contains("/link ", StringComparison.Ordinal)) || host.Bot.HasExited, "a link code on Telegram");
        var code = LinkCode().Match(TelegramTexts(host).First(t => t.Contains("/link ", StringComparison.Ordinal))).Groups[1].Value;
        await gateway.DispatchAsync("INTERACTION_CREATE", 2, DiscordEvents.SlashInServer(Sam, "link", "code", code));

        await Eventually.TrueAsync(() => DmPosts(host).Any(p => p.Contains("Linked.", StringComparison.Ordinal)) || host.Bot.HasExited, "linked on Discord");
        Assert.False(host.Bot.HasExited, string.Join('\n', host.Bot.Lines));
        Assert.Equal(1, await HostEnvironment.CountAsync(host.Database, "SELECT count(*) FROM people"));
        Assert.Equal(0, await host.Bot.StopAsync());
    }

    [Fact]
    public async Task FatalCloseCode_StopsDiscordForGood_ReportsItDisconnected_AndTelegramGoesOn()
    {
        await using var host = await DiscordHost.StartAsync("discordfatal");
        var gateway = await host.ConnectAsync();

        await gateway.CloseAsync(4004);
        await Eventually.TrueAsync(() => host.Bot.Lines.Any(l => l.Contains("Discord:BotToken", StringComparison.Ordinal)) || host.Bot.HasExited, "the cause logged");
        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.False(host.Server.HasPendingConnection, "Discord.Net connected again after close code 4004");
        using var http = new HttpClient();
        var health = await http.GetAsync(host.Bot.ManagementUrl + "/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        using var state = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
        Assert.Equal("disconnected", state.RootElement.GetProperty("platforms").GetProperty("discord").GetString());
        host.Telegram.Enqueue(Updates.Text(1, "/help"));
        await Eventually.TrueAsync(() => TelegramTexts(host).Count > 0 || host.Bot.HasExited, "Telegram still answered");
        Assert.Equal(0, await host.Bot.StopAsync());
    }

    private static List<string> DmPosts(DiscordHost host) =>
        [.. host.Server.RequestsTo("POST", $"/channels/{FakeGatewayConnection.DmChannelOf(Sam)}/messages").Select(r => r.Body)];

    private static List<string> TelegramTexts(DiscordHost host) =>
        [.. host.Telegram.CallsTo("sendMessage").Select(c => c.Body["text"]!.GetValue<string>())];

    private static bool IsCrisisHelp(string body) =>
        CrisisChatVerbTests.CrisisHelp.Any(h => body.Contains(h, StringComparison.Ordinal));

    [GeneratedRegex(@"/link ([A-Za-z0-9]+)")]
    private static partial Regex LinkCode();

    /// <summary>The host process with both fakes; <see cref="ConnectAsync"/> plays Discord's side of the first session.</summary>
    private sealed class DiscordHost : IAsyncDisposable
    {
        private DiscordHost(FakeDiscordServer server, FakeTelegramBotApi telegram, string database, RunningBot bot)
        {
            Server = server;
            Telegram = telegram;
            Database = database;
            Bot = bot;
        }

        public FakeDiscordServer Server { get; }

        public FakeTelegramBotApi Telegram { get; }

        public string Database { get; }

        public RunningBot Bot { get; }

        public static async Task<DiscordHost> StartAsync(string name)
        {
            var postgres = await PostgresServer.GetAsync();
            var database = await postgres.CreateDatabaseAsync(name);
            var telegram = new FakeTelegramBotApi();
            var server = new FakeDiscordServer();
            var environment = HostEnvironment.For(database, telegram);
            environment["Discord__Enabled"] = "true";
            environment["Discord__BotToken"] = HostEnvironment.DiscordToken;
            environment["Discord__ApiBaseUrl"] = server.ApiBaseUrl;
            environment["Discord__GatewayUrl"] = server.GatewayUrl.ToString().TrimEnd('/');
            return new DiscordHost(server, telegram, database, RunningBot.Start(HostEnvironment.HostPath, environment));
        }

        public async Task<FakeGatewayConnection> ConnectAsync()
        {
            using var timeout = new CancellationTokenSource(Patience);
            var connection = await Server.NextConnectionAsync().WaitAsync(timeout.Token);
            await connection.HelloAsync();
            await connection.ExpectAsync(2);
            await connection.ReadyAsync(guildId: FakeGatewayConnection.GuildId);
            await connection.GuildCreateAsync(1);
            return connection;
        }

        public async ValueTask DisposeAsync()
        {
            await Bot.DisposeAsync();
            await Server.DisposeAsync();
            await Telegram.DisposeAsync();
        }
    }
}
