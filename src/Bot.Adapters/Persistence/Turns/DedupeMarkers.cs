using Bot.Core.Messaging;
using Bot.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NpgsqlTypes;
using Npgsql;

namespace Bot.Adapters.Persistence.Turns;

/// <summary>
/// The dedupe markers written first in every inbound turn: a redelivered update finds its marker and stops there.
/// </summary>
internal static class DedupeMarkers
{
    public static string Key(TurnRequest request) => $"{request.Chat.ChatId}:{request.DedupeKey}";

    /// <summary>Inserts one marker; false means another delivery of this message got here first.</summary>
    public static async Task<bool> TryInsertAsync(BotDbContext db, TurnRequest request, CancellationToken ct)
    {
        var platform = request.Chat.Platform.ToString();
        var key = Key(request);
        var processedAt = db.Provider == StoreProvider.Sqlite ? SqliteInstants.ToColumn(request.Now) : (object)request.Now;
        var inserted = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO processed_inbound (platform, message_key, processed_at) VALUES ({platform}, {key}, {processedAt}) ON CONFLICT DO NOTHING",
            ct);
        return inserted == 1;
    }

    /// <summary>Whether the message was handled already (read before deciding; the insert at save time is what counts).</summary>
    public static Task<bool> ExistsAsync(BotDbContext db, TurnRequest request, CancellationToken ct)
    {
        var key = Key(request);
        return db.ProcessedInbound.AnyAsync(p => p.Platform == request.Chat.Platform && p.MessageKey == key, ct);
    }

    /// <summary>
    /// PostgreSQL: which of these turns' markers exist already, as one statement of a batch (read with
    /// <see cref="ReadKeysAsync"/>). Each key is looked up by the primary key on its own: a join could scan the table.
    /// </summary>
    public static NpgsqlBatchCommand ExistingCommand(IReadOnlyList<TurnRequest> requests) => UnnestCommand.Command(
        "SELECT k.platform, k.message_key FROM unnest(@platforms, @keys) AS k(platform, message_key) " +
        "WHERE (SELECT true FROM processed_inbound p WHERE p.platform = k.platform AND p.message_key = k.message_key LIMIT 1)",
        UnnestCommand.Column("platforms", NpgsqlDbType.Text, requests, r => r.Chat.Platform.ToString()),
        UnnestCommand.Column("keys", NpgsqlDbType.Text, requests, Key));

    /// <summary>
    /// PostgreSQL: inserts the markers of many turns in one statement (in key order, so two batches never wait on each
    /// other in a circle); it returns the ones that were new (<see cref="ReadKeysAsync"/>).
    /// </summary>
    public static NpgsqlBatchCommand InsertManyCommand(IReadOnlyList<TurnRequest> requests)
    {
        var rows = requests
            .Select(r => (Platform: r.Chat.Platform, Key: Key(r), r.Now))
            .OrderBy(r => r.Platform).ThenBy(r => r.Key, StringComparer.Ordinal)
            .ToArray();
        return UnnestCommand.Command(
            "INSERT INTO processed_inbound (platform, message_key, processed_at) " +
            "SELECT * FROM unnest(@platforms, @keys, @at) ON CONFLICT DO NOTHING RETURNING platform, message_key",
            UnnestCommand.Column("platforms", NpgsqlDbType.Text, rows, r => r.Platform.ToString()),
            UnnestCommand.Column("keys", NpgsqlDbType.Text, rows, r => r.Key),
            UnnestCommand.Column("at", NpgsqlDbType.TimestampTz, rows, r => r.Now.ToUniversalTime()));
    }

    /// <summary>The (platform, key) rows a marker statement returned: inserted ones, or existing ones.</summary>
    public static async Task<HashSet<(Platform, string)>> ReadKeysAsync(NpgsqlDataReader reader, CancellationToken ct)
    {
        var inserted = new HashSet<(Platform, string)>();
        while (await reader.ReadAsync(ct))
        {
            inserted.Add((Enum.Parse<Platform>(reader.GetString(0)), reader.GetString(1)));
        }

        return inserted;
    }

    /// <summary>Takes a marker back, for a turn that leaves the batch and runs on its own.</summary>
    public static Task RemoveAsync(BotDbContext db, TurnRequest request, CancellationToken ct)
    {
        var key = Key(request);
        return db.ProcessedInbound.Where(p => p.Platform == request.Chat.Platform && p.MessageKey == key).ExecuteDeleteAsync(ct);
    }
}
