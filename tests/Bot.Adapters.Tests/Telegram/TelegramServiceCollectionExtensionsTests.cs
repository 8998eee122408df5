using Bot.Adapters.Persistence;
using Bot.Adapters.Telegram;
using Bot.Core.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Bot.Adapters.Tests.Telegram;

public sealed class TelegramServiceCollectionExtensionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddTelegramAdapter(configuration).BuildServiceProvider();
    }

    [Fact]
    public void AddTelegramAdapter_Disabled_RegistersNothing()
    {
        using var services = Build(new() { ["Telegram:Enabled"] = "false", ["Telegram:BotToken"] = "" });

        Assert.Empty(services.GetServices<IChatPlatform>());
        Assert.Empty(services.GetServices<IHostedService>());
    }

    [Fact]
    public void AddTelegramAdapter_MalformedToken_FailsValidationNamingTheKey()
    {
        using var services = Build(new() { ["Telegram:Enabled"] = "true", ["Telegram:BotToken"] = "oops" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<TelegramOptions>>().Value);
        Assert.Contains("Telegram:BotToken", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddTelegramAdapter_ModeDecidesBetweenPollerAndWebhook()
    {
        const string Token = "123456:ABCdefghijklmnopqrstuvwxyz_-0123456789";
        using var polling = Build(new() { ["Telegram:Enabled"] = "true", ["Telegram:BotToken"] = Token });
        using var webhook = Build(new()
        {
            ["Telegram:Enabled"] = "true",
            ["Telegram:BotToken"] = Token,
            ["Telegram:Mode"] = "Webhook",
            ["Telegram:WebhookUrl"] = "https://bot.example.org/telegram/webhook",
            ["Telegram:WebhookSecret"] = "abc",
        });

        Assert.IsType<TelegramPollingService>(Assert.Single(polling.GetServices<IHostedService>()));
        Assert.IsType<SingleProcessPollerLease>(polling.GetRequiredService<IPollerLease>());
        Assert.Null(polling.GetService<TelegramWebhookReceiver>());
        Assert.IsType<TelegramWebhookSetupService>(Assert.Single(webhook.GetServices<IHostedService>()));
        Assert.NotNull(webhook.GetService<TelegramWebhookReceiver>());
        Assert.Equal(Platform.Telegram, Assert.Single(webhook.GetServices<IChatPlatform>()).Platform);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task WithThePostgresStore_ThePollerElectsThroughTheDatabase_WhicheverIsRegisteredFirst(bool storeFirst)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = "Host=127.0.0.1;Database=bot;Username=bot",
            ["Storage:EncryptionKeys"] = "k1:" + Convert.ToBase64String(new byte[32]),
            ["Telegram:BotToken"] = "123456:ABCdefghijklmnopqrstuvwxyz_-0123456789",
        }).Build();
        var collection = new ServiceCollection().AddLogging();
        if (storeFirst)
        {
            collection.AddBotPersistence(configuration).AddTelegramAdapter(configuration);
        }
        else
        {
            collection.AddTelegramAdapter(configuration).AddBotPersistence(configuration);
        }

        await using var services = collection.BuildServiceProvider();

        Assert.IsType<PostgresAdvisoryPollerLease>(services.GetRequiredService<IPollerLease>());
    }

    [Fact]
    public void CreateClient_PublicApiIsNotALocalServer_ASelfHostedOneIs()
    {
        using var http = new HttpClient();
        const string Token = "123456:ABCdefghijklmnopqrstuvwxyz_-0123456789";

        var official = TelegramServiceCollectionExtensions.CreateClient(new TelegramOptions { BotToken = Token }, http);
        var selfHosted = TelegramServiceCollectionExtensions.CreateClient(new TelegramOptions { BotToken = Token, ApiBaseUrl = "http://127.0.0.1:8081" }, http);

        Assert.False(official.LocalBotServer);
        Assert.True(selfHosted.LocalBotServer);
    }
}
