using Bot.Adapters.Persistence.Entities;
using Bot.Core.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Bot.Adapters.Persistence.Turns;

/// <summary>
/// One transaction for the decided turns of many people (PostgreSQL): the dedupe markers and the known people's rows
/// (locked) in one round trip, each decision checked against the version it was made on, first contacts written, then
/// every decision in arrival order, one save and one commit. Each saved turn's outcome carries the rows as it left them.
/// </summary>
internal sealed class TurnBatch(BotDbContext db, FreeTextProtector protector, IReadOnlyList<QueuedTurn> turns)
{
    public async Task<(BatchedTurnOutcome Outcome, LoadedTurn? Rows)[]> CommitAsync(CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var outcomes = new (BatchedTurnOutcome Outcome, LoadedTurn? Rows)[turns.Count];
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        var (fresh, known) = await OpenAsync(ct);
        var rows = await CheckAsync(fresh, known, outcomes, ct);
        var conversations = new List<ConversationRow>();
        var written = new NewTurnRows();
        foreach (var (i, turn) in rows)
        {
            // Only writes without a precondition come here (TurnWrites.CanBatch), so this cannot fail a turn.
            await TurnWriter.ApplyAsync(db, protector, turn, turns[i].Request, turns[i].Decision, written, ct);
            conversations.Add(turn.Conversation);
            outcomes[i] = (BatchedTurnOutcome.Saved, turn with { IsNewPerson = false, OwnWords = turns[i].Loaded.OwnWords });
        }

        await TurnSave.SaveAsync(db, conversations, written, ct);
        await transaction.CommitAsync(ct);
        return outcomes;
    }

    /// <summary>The dedupe markers and the known people's rows (their conversations locked), in one round trip.</summary>
    private async Task<(HashSet<(Platform, string)> Fresh, Dictionary<(Platform, string), LoadedTurn> Known)> OpenAsync(CancellationToken ct)
    {
        var requests = turns.Select(t => t.Request).ToArray();
        await using var batch = new NpgsqlBatch(Transaction.Connection, Transaction)
        {
            BatchCommands = { DedupeMarkers.InsertManyCommand(requests), KnownPeople.ForSave(requests) },
        };
        await using var reader = await batch.ExecuteReaderAsync(ct);
        var fresh = await DedupeMarkers.ReadKeysAsync(reader, ct);
        await reader.NextResultAsync(ct);
        return (fresh, await KnownPeople.ReadAsync(reader, protector, ct));
    }

    /// <summary>
    /// The rows of each turn that may be saved, none of them tracked: a duplicate stops; a decision made on a conversation
    /// that has moved on since (another turn of the same person, in this batch or before it) or on a first contact that
    /// another turn has made meanwhile is a conflict, and its marker goes back. First contacts are written here.
    /// </summary>
    private async Task<List<(int Index, LoadedTurn Rows)>> CheckAsync(
        HashSet<(Platform, string)> fresh, Dictionary<(Platform, string), LoadedTurn> known, (BatchedTurnOutcome, LoadedTurn?)[] outcomes, CancellationToken ct)
    {
        var saved = new List<(int, LoadedTurn)>();
        var seenPeople = new HashSet<Guid>();
        var created = new List<(LoadedTurn Turn, ScheduleRow Schedule)>();
        for (var i = 0; i < turns.Count; i++)
        {
            var (request, loaded) = (turns[i].Request, turns[i].Loaded);
            if (!fresh.Contains((request.Chat.Platform, DedupeMarkers.Key(request))))
            {
                outcomes[i] = (BatchedTurnOutcome.Duplicate, null);
                continue;
            }

            var rows = known.GetValueOrDefault((request.Chat.Platform, request.SenderId));
            var current = loaded.IsNewPerson
                ? rows is null
                : rows is not null && rows.Person.Id == loaded.Person.Id && rows.Conversation.Version == loaded.Version;
            if (!current || !seenPeople.Add(loaded.Person.Id))
            {
                outcomes[i] = (BatchedTurnOutcome.Conflict, null);
                await DedupeMarkers.RemoveAsync(db, request, ct);
                continue;
            }

            if (rows is null)
            {
                var person = NewPersonRows.Create(request, loaded.Person.Id);
                created.Add(person);
                rows = person.Turn;
            }

            saved.Add((i, rows));
        }

        if (created.Count > 0)
        {
            await NewPeopleWrites.WriteAsync(Transaction, created, ct);
        }

        return saved;
    }

    private NpgsqlTransaction Transaction => (NpgsqlTransaction)db.Database.CurrentTransaction!.GetDbTransaction();
}
