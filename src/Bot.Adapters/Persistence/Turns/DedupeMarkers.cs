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

    /// <summary>PostgreSQL: <see cref="ExistsAsync"/> as one statement of a batch, read as one boolean.</summary>
    public static NpgsqlBatchCommand ExistsCommand(TurnRequest request) => new(
        "SELECT EXISTS (SELECT 1 FROM processed_inbound WHERE platform = @platform AND message_key = @key)")
    {
        Parameters =
        {
            new NpgsqlParameter<string>("platform", request.Chat.Platform.ToString()),
            new NpgsqlParameter<string>("key", Key(request)),
        },
    };

    /// <summary>
    /// PostgreSQL: inserts the markers of many turns in one statement (in key order, so two batches never wait on each
    /// other in a circle); it returns the ones that were new (<see cref="ReadInsertedAsync"/>).
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

    public static async Task<HashSet<(Platform, string)>> ReadInsertedAsync(NpgsqlDataReader reader, CancellationToken ct)
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
