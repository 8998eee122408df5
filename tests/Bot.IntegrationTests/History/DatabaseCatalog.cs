using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Bot.Adapters.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Bot.IntegrationTests.History;

/// <summary>
/// Searches every value of every column of every table the database itself lists (not a hand-kept list), so a table added
/// later is searched too. Each value is read as text: strings and JSON as they are, binary columns (bytea, BLOB) as UTF-8,
/// everything else (ids, numbers) in its invariant form, so ids inside JSON payloads and composite keys are found, and
/// plaintext hidden in a binary column is too. Base64 runs inside a value (a file in a JSON payload) are read decoded as
/// well. Case is ignored.
/// </summary>
internal static partial class DatabaseCatalog
{
    public static async Task<IReadOnlyList<string>> FindAsync(BotDbContext db, IReadOnlyCollection<string> needles)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            var columns = await ColumnsAsync(connection, db.Provider);
            Assert.Contains(columns, c => c.Table == "history_entries");
            Assert.Contains(columns, c => c.Table == "outbox_messages" && c.Column == "payload");
            var hits = new List<string>();
            foreach (var table in columns.Select(c => c.Table).Distinct())
            {
                hits.AddRange(await FindInTableAsync(connection, table, needles));
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

    private static async Task<List<string>> FindInTableAsync(DbConnection connection, string table, IReadOnlyCollection<string> needles)
    {
        var counts = new Dictionary<string, int>();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\"";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                if (await reader.IsDBNullAsync(i) || AsText(reader.GetValue(i)) is not { } text)
                {
                    continue;
                }

                foreach (var needle in needles.Where(n => text.Contains(n, StringComparison.OrdinalIgnoreCase)))
                {
                    var key = $"{table}.{reader.GetName(i)} holds {needle}";
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                }
            }
        }

        return [.. counts.Select(c => $"{c.Key} ({c.Value})")];
    }

    private static string? AsText(object value) => WithDecodedBase64(value switch
    {
        string s => s,
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    });

    private static string? WithDecodedBase64(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var decoded = new StringBuilder(text);
        foreach (Match run in Base64Run().Matches(text))
        {
            var bytes = new byte[run.Length];
            if (Convert.TryFromBase64String(run.Value, bytes, out var written))
            {
                decoded.Append('\n').Append(Encoding.UTF8.GetString(bytes, 0, written));
            }
        }

        return decoded.ToString();
    }

    [GeneratedRegex("[A-Za-z0-9+/]{16,}={0,2}")]
    private static partial Regex Base64Run();
}
