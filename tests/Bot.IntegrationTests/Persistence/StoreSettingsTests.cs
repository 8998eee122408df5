using Bot.Adapters.Persistence;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Bot.IntegrationTests.Persistence;

public sealed class StoreSettingsTests
{
    [Fact]
    public void Postgres_PreparesTheTurnStatements_ByDefault()
    {
        var settings = StoreSettings.From(Configuration("Host=db;Database=bot;Username=bot"));

        Assert.Equal(64, new NpgsqlConnectionStringBuilder(settings.ConnectionString).MaxAutoPrepare);
    }

    [Fact]
    public void Postgres_KeepsAnExplicitMaxAutoPrepare_ForPoolersWithoutPreparedStatements()
    {
        var settings = StoreSettings.From(Configuration("Host=db;Database=bot;Username=bot;Max Auto Prepare=0"));

        Assert.Equal(0, new NpgsqlConnectionStringBuilder(settings.ConnectionString).MaxAutoPrepare);
    }

    private static IConfiguration Configuration(string connectionString) => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["ConnectionStrings:Postgres"] = connectionString,
        ["Storage:EncryptionKeys"] = FreeTextProtector.NewKeyRing("k1"),
    }).Build();
}
