using Bot.Testing.Telegram;

namespace Bot.Adapters.Tests.Telegram.Fakes;

/// <summary>A fresh fake Bot API on loopback and a Telegram test host talking to it, for each test.</summary>
public abstract class TelegramHostTests : IAsyncLifetime
{
    protected FakeTelegramBotApi Api { get; } = new();

    protected TelegramTestHost Host { get; set; } = null!;

    public Task InitializeAsync()
    {
        Host = new TelegramTestHost(Api);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Api.DisposeAsync();
        Assert.Empty(Api.Errors);
    }
}
