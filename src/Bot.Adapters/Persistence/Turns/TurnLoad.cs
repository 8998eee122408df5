using Bot.Core.Messaging;
using Bot.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Bot.Adapters.Persistence.Turns;

/// <summary>
/// What a turn reads before it decides, without a transaction or a lock: whether the message was handled already, and the
/// known person's rows. On PostgreSQL both in one round trip.
/// </summary>
internal static class TurnLoad
{
    /// <returns>Duplicate: the dedupe marker exists. Known: the person's rows, or null for a first contact.</returns>
    public static async Task<(bool Duplicate, LoadedTurn? Known)> ReadAsync(BotDbContext db, FreeTextProtector protector, TurnRequest request, CancellationToken ct)
    {
        if (db.Provider == StoreProvider.Postgres)
        {
            return await ReadPostgresAsync(db, protector, request, ct);
        }

        if (request.DedupeKey is not null && await DedupeMarkers.ExistsAsync(db, request, ct))
        {
            return (true, null);
        }

        var identity = await db.Identities.AsNoTracking().SingleOrDefaultAsync(
            i => i.Platform == request.Chat.Platform && i.ExternalUserId == request.SenderId, ct);
        if (identity is null)
        {
            return (false, null);
        }

        var person = await db.People.AsNoTracking().SingleAsync(p => p.Id == identity.PersonId, ct);
        var conversation = await db.Conversations.AsNoTracking().SingleAsync(c => c.PersonId == identity.PersonId, ct);
        var ownWords = await OwnWordsRows.ReadConsentedAsync(db, protector, person.Id, ct);
        return (false, new LoadedTurn(identity, person, conversation, IsNewPerson: false, ownWords));
    }

    private static async Task<(bool Duplicate, LoadedTurn? Known)> ReadPostgresAsync(BotDbContext db, FreeTextProtector protector, TurnRequest request, CancellationToken ct)
    {
        var (handled, known) = await ReadManyAsync(db, protector, [request], ct);
        return Result(request, handled, known);
    }

    /// <summary>One turn's answer from a read of many.</summary>
    public static (bool Duplicate, LoadedTurn? Known) Result(
        TurnRequest request, HashSet<(Platform, string)> handled, Dictionary<(Platform, string), LoadedTurn> known) =>
        request.DedupeKey is not null && handled.Contains((request.Chat.Platform, DedupeMarkers.Key(request)))
            ? (true, null)
            : (false, known.GetValueOrDefault((request.Chat.Platform, request.SenderId)));

    /// <summary>
    /// PostgreSQL: the markers that exist among these turns' and the known people's rows, in one round trip.
    /// </summary>
    public static async Task<(HashSet<(Platform, string)> Handled, Dictionary<(Platform, string), LoadedTurn> Known)> ReadManyAsync(
        BotDbContext db, FreeTextProtector protector, IReadOnlyList<TurnRequest> requests, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var deduped = requests.Where(r => r.DedupeKey is not null).ToArray();
            await using var batch = new NpgsqlBatch(connection) { BatchCommands = { KnownPeople.ForLoad(requests) } };
            if (deduped.Length > 0)
            {
                batch.BatchCommands.Insert(0, DedupeMarkers.ExistingCommand(deduped));
            }

            await using var reader = await batch.ExecuteReaderAsync(ct);
            var handled = new HashSet<(Platform, string)>();
            if (deduped.Length > 0)
            {
                handled = await DedupeMarkers.ReadKeysAsync(reader, ct);
                await reader.NextResultAsync(ct);
            }

            return (handled, await KnownPeople.ReadAsync(reader, protector, ct));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
