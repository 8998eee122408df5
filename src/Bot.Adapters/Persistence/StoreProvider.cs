namespace Bot.Adapters.Persistence;

public enum StoreProvider
{
    Sqlite = 0,
    Postgres = 1,
}
