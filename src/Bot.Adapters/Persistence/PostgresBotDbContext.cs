using Microsoft.EntityFrameworkCore;

namespace Bot.Adapters.Persistence;

public sealed class PostgresBotDbContext(DbContextOptions<PostgresBotDbContext> options) : BotDbContext(options)
{
    public override StoreProvider Provider => StoreProvider.Postgres;
}
