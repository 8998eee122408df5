using Bot.Adapters.Persistence;
using Bot.Core.Messaging;
using Bot.Host;
using Bot.Host.Delivery;
using Bot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Bot.IntegrationTests.Persistence;

/// <summary>A fresh, migrated store of either provider, wired exactly as the host wires it, with a fake clock and platform.</summary>
public sealed class StoreUnderTest : IAsyncDisposable
{
    private readonly string? _directory;
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _configure;
    private bool _handedOver;

    private StoreUnderTest(ServiceProvider services, StoreProvider provider, string? directory, Dictionary<string, string?> settings, Action<IServiceCollection>? configure)
    {
        Services = services;
        Provider = provider;
        _directory = directory;
        _settings = settings;
        _configure = configure;
    }

    public ServiceProvider Services { get; }

    public StoreProvider Provider { get; }

    public FakeTimeProvider Clock => (FakeTimeProvider)Services.GetRequiredService<TimeProvider>();

    public CollectingChatPlatform Platform => (CollectingChatPlatform)Services.GetServices<IChatPlatform>().First();

    public static async Task<StoreUnderTest> CreateAsync(StoreProvider provider, Action<IServiceCollection>? configure = null)
    {
        var settings = new Dictionary<string, string?>();
        string? directory = null;
        if (provider == StoreProvider.Postgres)
        {
            var server = await PostgresServer.GetAsync();
            settings["ConnectionStrings:Postgres"] = await server.CreateDatabaseAsync("store");
            settings["Storage:EncryptionKeys"] = FreeTextProtector.NewKeyRing("test1");
        }
        else
        {
            directory = Path.Combine(Path.GetTempPath(), $"cb-sqlite-{Guid.NewGuid():N}");
            settings["Storage:DataDirectory"] = directory;
        }

        var services = Build(settings, configure, new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        using (var scope = services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        }

        return new StoreUnderTest(services, provider, directory, settings, configure);
    }

    /// <summary>
    /// Like a process restart: this instance's services are disposed (nothing kept in memory survives) and a new set is
    /// built over the same database, its clock where this one stopped. Use the returned instance from then on.
    /// </summary>
    public async Task<StoreUnderTest> RestartAsync()
    {
        var now = Clock.GetUtcNow();
        _handedOver = true;
        await Services.DisposeAsync();
        return new StoreUnderTest(Build(_settings, _configure, now), Provider, _directory, _settings, _configure);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings, Action<IServiceCollection>? configure, DateTimeOffset now)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var collection = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddBotEssentials(configuration)
            .AddSingleton<TimeProvider>(new FakeTimeProvider(now))
            .AddSingleton<IChatPlatform>(new CollectingChatPlatform(Bot.Core.Messaging.Platform.Telegram));
        configure?.Invoke(collection);
        return collection.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public Task<T> DbAsync<T>(Func<BotDbContext, Task<T>> query) =>
        InScopeAsync(sp => query(sp.GetRequiredService<BotDbContext>()));

    /// <summary>Delivers the outbox through the real delivery until nothing more is due.</summary>
    public async Task DeliverAllAsync()
    {
        var delivery = Services.GetRequiredService<OutboxDelivery>();
        while (await delivery.DeliverBatchAsync(CancellationToken.None) > 0)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_handedOver)
        {
            return;
        }

        await Services.DisposeAsync();
        if (_directory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // Temp directory; best effort.
            }
        }
    }
}
