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
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var batch = new NpgsqlBatch(connection) { BatchCommands = { KnownPeople.Command([request], lockConversations: false) } };
            if (request.DedupeKey is not null)
            {
                batch.BatchCommands.Insert(0, DedupeMarkers.ExistsCommand(request));
            }

            await using var reader = await batch.ExecuteReaderAsync(ct);
            if (request.DedupeKey is not null)
            {
                var duplicate = await reader.ReadAsync(ct) && reader.GetBoolean(0);
                if (duplicate)
                {
                    return (true, null);
                }

                await reader.NextResultAsync(ct);
            }

            var known = await KnownPeople.ReadAsync(reader, protector, ct);
            return (false, known.Values.SingleOrDefault());
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
