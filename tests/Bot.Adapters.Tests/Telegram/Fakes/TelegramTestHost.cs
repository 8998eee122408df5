using Bot.Adapters.Telegram;
using Bot.Core.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Bot.Testing.Telegram;

namespace Bot.Adapters.Tests.Telegram.Fakes;

/// <summary>The real adapter, wired by AddTelegramAdapter, pointed at the fake Bot API, with short (never asserted) delays.</summary>
public sealed class TelegramTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly List<IHostedService> _started = [];

    public TelegramTestHost(
        FakeTelegramBotApi api,
        Action<Dictionary<string, string?>>? configure = null,
        Action<IServiceCollection>? services = null,
        RecordingInboundHandler? handler = null)
    {
        Handler = handler ?? new RecordingInboundHandler();
        var settings = new Dictionary<string, string?>
        {
            ["Telegram:Enabled"] = "true",
            ["Telegram:BotToken"] = FakeTelegramBotApi.Token,
            ["Telegram:ApiBaseUrl"] = api.BaseUrl + "/ignored/path?x=1",
            ["Telegram:Mode"] = "Polling",
            ["Telegram:PollingTimeout"] = "00:00:01",
            ["Telegram:RequestTimeout"] = "00:00:02",
            ["Telegram:RetryDelay"] = "00:00:00.020",
            ["Telegram:MaxRetryDelay"] = "00:00:00.200",
            ["Telegram:ConflictBackoff"] = "00:00:00.100",
            ["Telegram:LeaseRetryInterval"] = "00:00:00.050",
        };
        configure?.Invoke(settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var collection = new ServiceCollection();
        collection.AddLogging(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(Logs));
        collection.AddSingleton(Handler);
        collection.AddScoped<IInboundMessageHandler>(sp => sp.GetRequiredService<RecordingInboundHandler>());
        collection.AddSingleton(Reachability);
        collection.AddScoped<IReachabilityHandler>(sp => sp.GetRequiredService<RecordingReachabilityHandler>());
        collection.AddSingleton(DeadLetters);
        collection.AddScoped<Bot.Core.Inbound.IDeadLetterStore>(sp => sp.GetRequiredService<RecordingDeadLetterStore>());
        collection.AddTelegramAdapter(configuration);
        services?.Invoke(collection);
        _services = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public RecordingInboundHandler Handler { get; }

    public CollectingLoggerProvider Logs { get; } = new();

    public RecordingReachabilityHandler Reachability { get; } = new();

    public RecordingDeadLetterStore DeadLetters { get; } = new();

    public IServiceProvider Services => _services;

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public async Task StartAsync()
    {
        foreach (var hosted in _services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
            _started.Add(hosted);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var hosted in Enumerable.Reverse(_started))
        {
            await hosted.StopAsync(CancellationToken.None);
        }

        await _services.DisposeAsync();

        // Mental-health context: the token (it is in every request URL) and what people write never reach the logs.
        var leaks = Logs.Lines.Where(l => l.Contains(FakeTelegramBotApi.Token.Split(':')[1], StringComparison.Ordinal)
            || l.Contains(Updates.SecretSentence, StringComparison.Ordinal)).ToList();
        Assert.Empty(leaks);
        if (Environment.GetEnvironmentVariable("TELEGRAM_TEST_LOG") is { Length: > 0 } path)
        {
            await File.AppendAllLinesAsync(path, Logs.Lines);
        }
    }
}
