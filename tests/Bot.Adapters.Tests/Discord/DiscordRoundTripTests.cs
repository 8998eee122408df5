using System.Text.Json;
using Bot.Adapters.Discord;
using Bot.Adapters.Persistence;
using Bot.Adapters.Tests.Discord.Fakes;
using Bot.Testing.Discord;
using Bot.Core;
using Bot.Core.Messaging;
using Bot.Core.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bot.Adapters.Tests.Discord;

/// <summary>
/// The real Core and an SQLite store behind the Discord adapter: a DM reaches the engine, its reply leaves through the
/// outbox as a Discord message with buttons, and pressing one of those buttons comes back as the person's choice.
/// </summary>
public sealed class DiscordRoundTripTests : IAsyncDisposable
{
    private const string Sam = "200000000000000002";
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("compassionbot-discord-").FullName;
    private readonly FakeDiscordServer _server = new();
    private readonly ServiceProvider _services;

    public DiscordRoundTripTests()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = _dataDirectory,
            ["Discord:Enabled"] = "true",
            ["Discord:BotToken"] = DiscordTestOptions.Token,
            ["Discord:ApiBaseUrl"] = _server.ApiBaseUrl,
            ["Discord:InteractionAckDeadline"] = "00:00:02.5",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddBotCore();
        services.AddBotPersistence(configuration);
        services.AddDiscordAdapter(configuration);
        _services = services.BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var hosted in _services.GetServices<IHostedService>())
        {
            await hosted.StopAsync(CancellationToken.None);
        }

        await _services.DisposeAsync();
        await _server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    [Fact]
    public async Task DirectMessageCheckIn_GoesThroughCoreAndTheOutboxAndComesBackAsAButtonPress()
    {
        await using (var scope = _services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        }

        var service = _services.GetServices<IHostedService>().OfType<DiscordGatewayService>().Single();
        await service.StartAsync(CancellationToken.None);
        var connection = await _server.NextConnectionAsync();
        await connection.HelloAsync();
        await connection.ExpectAsync(2);
        await connection.ReadyAsync();

        await connection.DispatchAsync("MESSAGE_CREATE", 2, DiscordFixtures.Text("message_create_dm").Replace("a bit tired honestly", "/checkin", StringComparison.Ordinal));
        // First contact may bring a welcome before the opener; the opener is the one with buttons.
        var opener = await DeliverNextAsync();
        while (!opener.TryGetProperty("components", out _))
        {
            opener = await DeliverNextAsync();
        }

        var buttons = opener.GetProperty("components").EnumerateArray()
            .SelectMany(row => row.GetProperty("components").EnumerateArray())
            .Select(b => b.GetProperty("custom_id").GetString()!)
            .ToList();
        Assert.NotEmpty(buttons);
        Assert.All(buttons, id => Assert.NotNull(DiscordCustomId.ChoiceFor(id, Sam)));
        var pressed = buttons.First(id => DiscordCustomId.ChoiceFor(id, Sam)!.StartsWith("mood:", StringComparison.Ordinal));

        var press = DiscordFixtures.Text("interaction_button_dm").Replace("v1:CtP8UZ-s:mood:tired", pressed, StringComparison.Ordinal);
        await connection.DispatchAsync("INTERACTION_CREATE", 3, press);

        var callback = await _server.WaitForRequestAsync(r => r.Path.StartsWith("/interactions/1310000000000000201/", StringComparison.Ordinal));
        Assert.Equal(7, JsonDocument.Parse(callback.Body).RootElement.GetProperty("type").GetInt32());
        var reply = await DeliverNextAsync();
        Assert.False(string.IsNullOrWhiteSpace(reply.GetProperty("content").GetString()));
        Assert.NotEqual(opener.GetProperty("content").GetString(), reply.GetProperty("content").GetString());
    }

    /// <summary>What the delivery worker does: claim from the outbox, send through the platform, mark sent.</summary>
    private async Task<JsonElement> DeliverNextAsync()
    {
        var platform = _services.GetRequiredService<DiscordChatPlatform>();
        var deadline = DateTime.UtcNow + FakeDiscordServer.Patience;
        while (DateTime.UtcNow < deadline)
        {
            await using var scope = _services.CreateAsyncScope();
            var outbox = scope.ServiceProvider.GetRequiredService<IOutboxStore>();
            var items = await outbox.ClaimAsync([Platform.Discord], 1, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1), CancellationToken.None);
            if (items.Count == 1)
            {
                var item = items[0];
                Assert.Equal(DiscordChat.Person(Sam), item.Message.Chat);
                var before = _server.RequestsTo("POST", "/channels/").Count();
                var result = await platform.SendAsync(item.Message, $"outbox-{item.Id}", CancellationToken.None);
                Assert.Equal(SendStatus.Sent, result.Status);
                await outbox.MarkSentAsync([item.Id], DateTimeOffset.UtcNow, CancellationToken.None);
                var post = _server.RequestsTo("POST", "/channels/").Skip(before).Single();
                Assert.Equal($"/channels/7{Sam}/messages", post.Path);
                return JsonDocument.Parse(post.Body).RootElement;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("Nothing reached the outbox.");
    }
}
