using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Bot.Adapters.Persistence;

/// <summary>Lets `dotnet ef migrations add` build each provider's context without the host.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresBotDbContext>
{
    public PostgresBotDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<PostgresBotDbContext>()
        .UseNpgsql("Host=localhost;Database=compassionbot_design", o => o.MigrationsHistoryTable("__ef_migrations_history"))
        .UseSnakeCaseNamingConvention()
        .Options);
}

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteBotDbContext>
{
    public SqliteBotDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<SqliteBotDbContext>()
        .UseSqlite("Data Source=design.db", o => o.MigrationsHistoryTable("__ef_migrations_history"))
        .UseSnakeCaseNamingConvention()
        .Options);
}
