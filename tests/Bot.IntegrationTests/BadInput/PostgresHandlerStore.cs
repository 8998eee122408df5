using Bot.Adapters.Persistence;
using Bot.Core.Messaging;
using Bot.Host;
using Bot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.IntegrationTests.BadInput;

/// <summary>The Core's handler over a fresh, migrated PostgreSQL database, wired as the host wires it, on the real clock.</summary>
internal sealed class PostgresHandlerStore : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private PostgresHandlerStore(ServiceProvider services, string connectionString)
    {
        _services = services;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public FreeTextProtector Protector => _services.GetRequiredService<FreeTextProtector>();

    public static async Task<PostgresHandlerStore> CreateAsync(string prefix)
    {
        var server = await PostgresServer.GetAsync();
        var connectionString = await server.CreateDatabaseAsync(prefix);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = connectionString,
            ["Storage:EncryptionKeys"] = FreeTextProtector.NewKeyRing("test1"),
        }).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddBotEssentials(configuration)
            .AddSingleton(TimeProvider.System)
            .AddSingleton<IChatPlatform>(new CollectingChatPlatform())
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        using (var scope = services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        }

        return new PostgresHandlerStore(services, connectionString);
    }

    public async Task<HandleOutcome> HandleAsync(InboundMessage message)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IInboundMessageHandler>().HandleAsync(message, CancellationToken.None);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
