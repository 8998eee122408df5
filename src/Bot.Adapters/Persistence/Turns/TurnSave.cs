using Bot.Adapters.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Bot.Adapters.Persistence.Turns;

/// <summary>
/// Saves what turns (a person's or the dispatcher's) wrote. On PostgreSQL the changed conversations, the history and the
/// outbox go as one statement per table and the context saves the rest; elsewhere the context saves everything.
/// </summary>
internal static class TurnSave
{
    public static async Task SaveAsync(BotDbContext db, IReadOnlyList<ConversationRow> changedConversations, NewTurnRows rows, CancellationToken ct)
    {
        if (db.Provider != StoreProvider.Postgres)
        {
            rows.AddTo(db);
            await db.SaveChangesAsync(ct);
            return;
        }

        // Detached rather than marked unchanged: marking them unchanged would put their old values back.
        foreach (var conversation in changedConversations)
        {
            db.Entry(conversation).State = EntityState.Detached;
        }

        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(ct);
        }

        var transaction = (NpgsqlTransaction)db.Database.CurrentTransaction!.GetDbTransaction();
        await BulkTurnWrites.WriteAsync(transaction, changedConversations, rows, ct);
    }
}
