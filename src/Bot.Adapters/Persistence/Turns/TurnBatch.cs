using Bot.Adapters.Persistence.Entities;
using Bot.Core.Messaging;
using Bot.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Bot.Adapters.Persistence.Turns;

/// <summary>
/// One transaction for the turns of many people (PostgreSQL): the dedupe markers and the known people's rows in one round
/// trip, first contacts saved, every decision in arrival order, then one save and one commit.
/// </summary>
internal sealed class TurnBatch(BotDbContext db, FreeTextProtector protector, IReadOnlyList<QueuedTurn> turns)
{
    public async Task<BatchedTurnOutcome[]> CommitAsync(CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var outcomes = new BatchedTurnOutcome[turns.Count];
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        var (fresh, known) = await OpenAsync(ct);
        var live = new List<int>();
        for (var i = 0; i < turns.Count; i++)
        {
            var request = turns[i].Request;
            if (fresh.Contains((request.Chat.Platform, DedupeMarkers.Key(request))))
            {
                live.Add(i);
            }
            else
            {
                outcomes[i] = BatchedTurnOutcome.Duplicate;
            }
        }

        var loaded = await LoadAsync(live, known, outcomes, ct);
        var conversations = new List<ConversationRow>();
        var rows = new NewTurnRows();
        foreach (var i in live)
        {
            if (outcomes[i] == BatchedTurnOutcome.RunAlone)
            {
                await DedupeMarkers.RemoveAsync(db, turns[i].Request, ct);
                continue;
            }

            var request = turns[i].Request;
            var decision = await DecideAsync(turns[i], loaded[i], ct);
            if (decision is null || decision.ForgetPerson)
            {
                outcomes[i] = BatchedTurnOutcome.RunAlone;
                await DedupeMarkers.RemoveAsync(db, request, ct);
                continue;
            }

            await TurnWriter.ApplyAsync(db, protector, loaded[i], request, decision, rows, ct);
            conversations.Add(loaded[i].Conversation);
        }

        await TurnSave.SaveAsync(db, conversations, rows, ct);
        await transaction.CommitAsync(ct);
        return outcomes;
    }

    /// <summary>The decision, or null when it needs a transaction of its own.</summary>
    private static async Task<TurnDecision?> DecideAsync(QueuedTurn turn, LoadedTurn rows, CancellationToken ct)
    {
        try
        {
            return await turn.Decide(rows.ToContext(turn.Request.Chat, sharedTransaction: true), ct);
        }
        catch (OwnTransactionRequiredException)
        {
            return null;
        }
    }

    /// <summary>The dedupe markers and the known people's rows (their conversations locked), in one round trip.</summary>
    private async Task<(HashSet<(Platform, string)> Fresh, Dictionary<(Platform, string), LoadedTurn> Known)> OpenAsync(CancellationToken ct)
    {
        var requests = turns.Select(t => t.Request).ToArray();
        var transaction = Transaction;
        await using var batch = new NpgsqlBatch(transaction.Connection, transaction)
        {
            BatchCommands = { DedupeMarkers.InsertManyCommand(requests), KnownPeople.Command(requests) },
        };
        await using var reader = await batch.ExecuteReaderAsync(ct);
        var fresh = await DedupeMarkers.ReadInsertedAsync(reader, ct);
        await reader.NextResultAsync(ct);
        return (fresh, await KnownPeople.ReadAsync(reader, protector, ct));
    }

    /// <summary>
    /// The rows of every live turn, none of them tracked: known people's as read (a row is tracked only if the turn changes
    /// it), first contacts' created and written (so later reads see them). A person reached twice in one batch (linked
    /// accounts) runs alone.
    /// </summary>
    private async Task<Dictionary<int, LoadedTurn>> LoadAsync(
        List<int> live, Dictionary<(Platform, string), LoadedTurn> known, BatchedTurnOutcome[] outcomes, CancellationToken ct)
    {
        var loaded = new Dictionary<int, LoadedTurn>();
        var seenPeople = new HashSet<Guid>();
        var created = new List<(LoadedTurn Turn, ScheduleRow Schedule)>();
        foreach (var i in live)
        {
            var request = turns[i].Request;
            if (!known.TryGetValue((request.Chat.Platform, request.SenderId), out var rows))
            {
                var person = NewPersonRows.Create(request);
                created.Add(person);
                loaded[i] = person.Turn;
            }
            else if (seenPeople.Add(rows.Person.Id))
            {
                loaded[i] = rows;
            }
            else
            {
                outcomes[i] = BatchedTurnOutcome.RunAlone;
            }
        }

        if (created.Count > 0)
        {
            await NewPeopleWrites.WriteAsync(Transaction, created, ct);
        }

        return loaded;
    }

    private NpgsqlTransaction Transaction => (NpgsqlTransaction)db.Database.CurrentTransaction!.GetDbTransaction();
}
