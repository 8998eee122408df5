using Bot.Adapters.Persistence.Entities;
using Bot.Adapters.Persistence.Turns;
using Bot.Core.Conversations;
using Bot.Core.Messaging;
using Bot.Core.People;
using Bot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Bot.Adapters.Persistence;

/// <summary>
/// Loads what a turn needs without locking, and saves its decision in one transaction, checked against the version it was
/// decided on. On PostgreSQL, concurrent people's loads are read together (<see cref="TurnLoadBatcher"/>), and decisions
/// that may share a transaction go to the <see cref="TurnBatcher"/>, which commits them together.
/// </summary>
public sealed class EfConversationStore(
    BotDbContext db, FreeTextProtector protector, TurnBatcher? batcher = null, IChatFiles? files = null, TurnLoadBatcher? loads = null, RecentTurnRows? recent = null) : IConversationStore
{
    public async Task<TurnContext?> LoadAsync(TurnRequest request, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        if (request.Kind == ChatKind.Group)
        {
            if (request.DedupeKey is not null && await DedupeMarkers.ExistsAsync(db, request, cancellationToken))
            {
                return null;
            }

            // A turn from a shared channel keeps nothing about the sender (content guide §5.2): nobody, a blank conversation.
            var nobody = new PersonProfile { Id = Guid.Empty, CreatedAt = request.Now };
            return new TurnContext(request.Chat, nobody, Conversation.New, ReplyMemory.Empty, IsNewPerson: false);
        }

        var (duplicate, known) = loads is not null
            ? await loads.ReadAsync(request, cancellationToken)
            : await TurnLoad.ReadAsync(db, protector, request, cancellationToken);
        if (duplicate)
        {
            return null;
        }

        return (known ?? NewPersonRows.Create(request, Guid.CreateVersion7(request.Now)).Turn).ToContext(request.Chat);
    }

    public async Task<TurnSaveResult> SaveAsync(TurnRequest request, TurnContext loaded, TurnDecision decision, CancellationToken cancellationToken)
    {
        if (batcher is not null && request.DedupeKey is not null && request.Kind == ChatKind.Private
            && !decision.ForgetPerson && TurnWrites.CanBatch(decision.Writes))
        {
            switch (await batcher.SaveAsync(request, loaded, decision, cancellationToken))
            {
                case BatchedTurnOutcome.Saved:
                    return TurnSaveResult.Saved;
                case BatchedTurnOutcome.Duplicate:
                    return TurnSaveResult.Duplicate;
                case BatchedTurnOutcome.Conflict:
                    return TurnSaveResult.Conflict;
            }
        }

        // Saved alone (a merge, an erasure, a write with a precondition, a failed batch): whatever was kept for the person
        // may be out of date now, whichever way it ends; a merge moves another person's rows too.
        if (decision.Writes.Any(write => write is RedeemLinkCode))
        {
            recent?.Clear();
        }

        recent?.Forget([loaded.Person.Id]);
        recent?.Forget(request.Chat.Platform, request.SenderId);
        try
        {
            return await db.Database.CreateExecutionStrategy().ExecuteAsync(
                (request, loaded, decision),
                async (_, state, ct) => await SaveAloneAsync(state.request, state.loaded, state.decision, ct),
                verifySucceeded: null,
                cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // A first contact racing another first contact of the same person: the other one won; decide again on its rows.
            db.ChangeTracker.Clear();
            return TurnSaveResult.Conflict;
        }
    }

    private async Task<TurnSaveResult> SaveAloneAsync(TurnRequest request, TurnContext loaded, TurnDecision decision, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (request.DedupeKey is not null && !await DedupeMarkers.TryInsertAsync(db, request, ct))
        {
            await transaction.RollbackAsync(ct);
            return TurnSaveResult.Duplicate;
        }

        if (request.Kind == ChatKind.Group)
        {
            await SaveGroupTurnAsync(request, decision, ct);
            await transaction.CommitAsync(ct);
            return TurnSaveResult.Saved;
        }

        var turn = loaded.IsNewPerson ? await AddPersonAsync(request, loaded, ct) : await LockAsync(request, loaded, ct);
        if (turn is null)
        {
            await transaction.RollbackAsync(ct);
            return TurnSaveResult.Conflict;
        }

        if (decision.ForgetPerson)
        {
            var chats = await ForgetAsync(turn.Person.Id, decision, request.Now, ct);
            await transaction.CommitAsync(ct);
            files?.Erase(chats);
            return TurnSaveResult.Saved;
        }

        var rows = new NewTurnRows();
        if (!await TurnWriter.ApplyAsync(db, protector, turn, request, decision, rows, ct))
        {
            await transaction.RollbackAsync(ct);
            return TurnSaveResult.Conflict;
        }

        await TurnSave.SaveAsync(db, [turn.Conversation], rows, ct);
        await transaction.CommitAsync(ct);
        return TurnSaveResult.Saved;
    }

    /// <summary>A first contact's rows, written; null when the person has been created since the turn was loaded.</summary>
    private async Task<LoadedTurn?> AddPersonAsync(TurnRequest request, TurnContext loaded, CancellationToken ct)
    {
        if (await db.Identities.AnyAsync(i => i.Platform == request.Chat.Platform && i.ExternalUserId == request.SenderId, ct))
        {
            return null;
        }

        var created = NewPersonRows.Add(db, request, loaded.Person.Id);
        await db.SaveChangesAsync(ct);
        return created;
    }

    /// <summary>
    /// The person's rows with their conversation locked (serialising their turns across connections and replicas; SQLite
    /// already holds the write lock here); null when the conversation moved on since the decision was made.
    /// </summary>
    private async Task<LoadedTurn?> LockAsync(TurnRequest request, TurnContext loaded, CancellationToken ct)
    {
        var personId = loaded.Person.Id;
        var conversation = db.Provider == StoreProvider.Postgres
            ? await db.Conversations.FromSql($"SELECT * FROM conversations WHERE person_id = {personId} FOR UPDATE").SingleOrDefaultAsync(ct)
            : await db.Conversations.SingleOrDefaultAsync(c => c.PersonId == personId, ct);
        var identity = await db.Identities.SingleOrDefaultAsync(
            i => i.Platform == request.Chat.Platform && i.ExternalUserId == request.SenderId, ct);
        if (conversation is null || conversation.Version != loaded.Version || identity?.PersonId != personId)
        {
            return null;
        }

        var person = await db.People.SingleAsync(p => p.Id == personId, ct);
        return new LoadedTurn(identity, person, conversation, IsNewPerson: false, OwnWords: []);
    }

    /// <summary>Deletes everything about the person; the goodbye belongs to no one and is removed once delivered.</summary>
    private async Task<IReadOnlyList<ChatAddress>> ForgetAsync(Guid personId, TurnDecision decision, DateTimeOffset now, CancellationToken ct)
    {
        var chats = await PersonEraser.EraseAsync(db, protector, personId, ct);
        db.ChangeTracker.Clear();
        foreach (var message in decision.Outbox)
        {
            db.Outbox.Add(TurnRows.Outbox(protector, null, message, decision.Lane, now, deleteWhenSent: true));
        }

        await db.SaveChangesAsync(ct);
        return chats;
    }

    /// <summary>
    /// A turn from a shared channel keeps nothing about the sender: no person, identity (which would also move their private
    /// chat address to the channel), conversation or history. Only the channel's own records and the public replies.
    /// </summary>
    private async Task SaveGroupTurnAsync(TurnRequest request, TurnDecision decision, CancellationToken ct)
    {
        await TurnWrites.ApplyAsync(db, protector, Guid.Empty, decision.Writes, request.Now, ct);
        foreach (var message in decision.Outbox)
        {
            db.Outbox.Add(TurnRows.Outbox(protector, null, message, decision.Lane, request.Now, deleteWhenSent: false));
        }

        await db.SaveChangesAsync(ct);
    }
}
