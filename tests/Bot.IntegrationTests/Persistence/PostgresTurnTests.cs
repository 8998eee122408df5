using Bot.Adapters.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.IntegrationTests.Persistence;

/// <summary>A fresh PostgreSQL store, wired as the host wires it, and a driver for people's turns through it.</summary>
public abstract class PostgresTurnTests(Action<IServiceCollection>? configure = null) : IAsyncLifetime
{
    protected StoreUnderTest Store { get; private set; } = null!;

    protected TurnBatchDriver Driver { get; private set; } = null!;

    public async Task InitializeAsync() => Use(await StoreUnderTest.CreateAsync(StoreProvider.Postgres, configure));

    public async Task DisposeAsync() => await Store.DisposeAsync();

    /// <summary>Goes on with another store (after a restart, or with other settings); the caller disposed the old one.</summary>
    protected void Use(StoreUnderTest store)
    {
        Store = store;
        Driver = new TurnBatchDriver(store);
    }
}
