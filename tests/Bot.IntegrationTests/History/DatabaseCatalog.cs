using System.Data.Common;
using Bot.Adapters.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Bot.IntegrationTests.History;

/// <summary>
/// Searches every column of every table the database itself lists (not a hand-kept list), so a table added later is
/// searched too. Values are compared as text, which also finds ids inside JSON payloads and composite keys.
/// </summary>
internal static class DatabaseCatalog
{
    public static async Task<IReadOnlyList<string>> FindAsync(BotDbContext db, IReadOnlyCollection<string> needles)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            var columns = await ColumnsAsync(connection, db.Provider);
            Assert.Contains(columns, c => c.Table == "history_entries");
            var hits = new List<string>();
            foreach (var (table, column) in columns)
            {
                foreach (var needle in needles)
                {
                    await using var command = connection.CreateCommand();
                    command.CommandText = $"SELECT COUNT(*) FROM \"{table}\" WHERE LOWER(CAST(\"{column}\" AS TEXT)) LIKE @needle";
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = "@needle";
                    parameter.Value = "%" + needle.ToLowerInvariant() + "%";
                    command.Parameters.Add(parameter);
                    var count = Convert.ToInt64(await command.ExecuteScalarAsync());
                    if (count > 0)
                    {
                        hits.Add($"{table}.{column} holds {needle} ({count})");
                    }
                }
            }

            return hits;
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    public static async Task<IReadOnlyList<(string Table, string Column)>> ColumnsAsync(DbConnection connection, StoreProvider provider)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = provider == StoreProvider.Postgres
            ? "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '__ef_migrations_history'"
            : "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> '__ef_migrations_history'";
        var columns = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            columns.Add((reader.GetString(0), reader.GetString(1)));
        }

        return columns;
    }
}
