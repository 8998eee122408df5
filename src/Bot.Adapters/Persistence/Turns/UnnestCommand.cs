using Npgsql;
using NpgsqlTypes;

namespace Bot.Adapters.Persistence.Turns;

/// <summary>
/// Set-based statements for PostgreSQL: one array parameter per column (read back as rows with <c>unnest</c>, or matched
/// with <c>= ANY</c>).
/// </summary>
internal static class UnnestCommand
{
    public static NpgsqlBatchCommand Command(string sql, params NpgsqlParameter[] columns)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(columns);
        return command;
    }

    public static NpgsqlParameter<T[]> Column<TRow, T>(string name, NpgsqlDbType type, IReadOnlyList<TRow> rows, Func<TRow, T> value) =>
        new(name, NpgsqlDbType.Array | type) { TypedValue = rows.Select(value).ToArray() };
}
