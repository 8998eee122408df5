using System.Text.Json.Nodes;
using Bot.Adapters.Persistence;
using Bot.Adapters.Telegram;
using Bot.Adapters.Tests.Telegram.Fakes;
using Bot.Testing.Telegram;
using Bot.Core;
using Bot.Core.Messaging;
using Bot.Core.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bot.Adapters.Tests.Telegram;

/// <summary>
/// The real Core and an SQLite store behind the Telegram adapter: /checkin arrives through getUpdates, the opener
/// leaves through the outbox with an inline keyboard, pressing a button comes back as the person's choice, and the
/// same press delivered again changes nothing.
/// </summary>
public sealed class TelegramRoundTripTests : IAsyncDisposable
{
    private static readonly ChatAddress Sam = new(Platform.Telegram, Updates.PersonId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("compassionbot-telegram-").FullName;
    private readonly FakeTelegramBotApi _api = new();
    private readonly ServiceProvider _services;

    public TelegramRoundTripTests()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = _dataDirectory,
            ["Telegram:Enabled"] = "true",
            ["Telegram:BotToken"] = FakeTelegramBotApi.Token,
            ["Telegram:ApiBaseUrl"] = _api.BaseUrl,
            ["Telegram:PollingTimeout"] = "00:00:01",
            ["Telegram:RetryDelay"] = "00:00:00.020",
            ["Telegram:MaxRetryDelay"] = "00:00:00.200",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddBotCore();
        services.AddBotPersistence(configuration);
        services.AddTelegramAdapter(configuration);
        _services = services.BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var hosted in _services.GetServices<IHostedService>())
        {
            await hosted.StopAsync(CancellationToken.None);
        }

        await _services.DisposeAsync();
        await _api.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDirectory, recursive: true);
        Assert.Empty(_api.Errors);
    }

    [Fact]
    public async Task CheckIn_GoesThroughCoreAndTheOutbox_AndComesBackAsAButtonPress_Once()
    {
        await using (var scope = _services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        }

        var poller = _services.GetRequiredService<TelegramPollingService>();
        await poller.StartAsync(CancellationToken.None);
        _api.Enqueue(Updates.Text(7000, "/checkin"));

        // First contact may bring a welcome before the opener; the opener is the one with a keyboard.
        var opener = await DeliverNextAsync();
        while (opener.Body["reply_markup"] is null)
        {
            opener = await DeliverNextAsync();
        }

        var buttons = opener.Body["reply_markup"]!["inline_keyboard"]!.AsArray().SelectMany(row => row!.AsArray()).ToList();
        var callbackData = new TelegramCallbackData(FakeTelegramBotApi.Token);
        Assert.All(buttons, b => Assert.True(callbackData.TryDecode(b!["callback_data"]!.GetValue<string>(), Updates.PersonId, out _)));
        var mood = buttons.Select(b => b!["callback_data"]!.GetValue<string>())
            .First(d => callbackData.TryDecode(d, Updates.PersonId, out var choice) && choice.StartsWith("mood:", StringComparison.Ordinal));

        var sentOpener = new JsonObject
        {
            ["message_id"] = 4242,
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["chat"] = new JsonObject { ["id"] = Updates.PersonId, ["type"] = "private" },
            ["text"] = opener.Body["text"]!.DeepClone(),
        };
        _api.Enqueue(Updates.Press(7001, sentOpener, mood));

        var reply = await DeliverNextAsync();
        Assert.False(string.IsNullOrWhiteSpace(reply.Body["text"]!.GetValue<string>()));
        Assert.NotEqual(opener.Body["text"]!.GetValue<string>(), reply.Body["text"]!.GetValue<string>());
        // The turn wrote all of its replies in one transaction: deliver the rest of them too.
        while (await TryDeliverAsync() is not null)
        {
        }

        await Eventually.TrueAsync(() => _api.CallsTo("answerCallbackQuery").Count == 1, "the press is answered");
        await Eventually.TrueAsync(() => _api.CallsTo("editMessageReplyMarkup").Count == 1, "the pressed keyboard is retired");

        // Telegram delivers the same press again (a webhook retry, or a restart before the confirmation): the store
        // recognises the update_id and nothing new is said.
        await Eventually.TrueAsync(() => _api.ConfirmedOffset == 7002, "the press is confirmed");
        var again = System.Text.Json.JsonSerializer.Deserialize<global::Telegram.Bot.Types.Update>(
            Updates.Press(7001, sentOpener, mood).ToJsonString(), global::Telegram.Bot.JsonBotAPI.Options)!;
        await _services.GetRequiredService<TelegramUpdateProcessor>().ProcessAsync(again, CancellationToken.None);
        Assert.Equal(2, _api.CallsTo("answerCallbackQuery").Count);
        await using (var scope = _services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<IOutboxStore>();
            Assert.Empty(await outbox.ClaimAsync([Platform.Telegram], 10, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1), CancellationToken.None));
        }

        Assert.Single(_api.CallsTo("editMessageReplyMarkup"));
    }

    /// <summary>Waits for the next outbox message and delivers it.</summary>
    private async Task<FakeCall> DeliverNextAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (await TryDeliverAsync() is { } sent)
            {
                return sent;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("Nothing reached the outbox.");
    }

    /// <summary>What the delivery worker does: claim from the outbox, send through the platform, mark sent.</summary>
    private async Task<FakeCall?> TryDeliverAsync()
    {
        var platform = _services.GetRequiredService<TelegramChatPlatform>();
        await using var scope = _services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IOutboxStore>();
        var items = await outbox.ClaimAsync([Platform.Telegram], 1, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1), CancellationToken.None);
        if (items.Count == 0)
        {
            return null;
        }

        var item = items[0];
        Assert.Equal(Sam, item.Message.Chat);
        var before = _api.CallsTo("sendMessage").Count;
        var result = await platform.SendAsync(item.Message, $"outbox-{item.Id}", CancellationToken.None);
        Assert.Equal(SendStatus.Sent, result.Status);
        await outbox.MarkSentAsync([item.Id], DateTimeOffset.UtcNow, CancellationToken.None);
        return _api.CallsTo("sendMessage").Skip(before).Last();
    }
}
