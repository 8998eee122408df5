using Bot.Adapters.Persistence.Entities;
using Bot.Adapters.Persistence.Turns;
using Bot.Core.Conversations;
using Bot.Core.Messaging;
using Bot.Core.People;
using Bot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Bot.Adapters.Persistence;

/// <summary>
/// Runs turns one transaction each; on PostgreSQL, turns that may share a transaction go to the <see cref="TurnBatcher"/>,
/// which commits concurrent people's turns together, and come back here when they need a transaction of their own.
/// </summary>
public sealed class EfConversationStore(BotDbContext db, FreeTextProtector protector, TurnBatcher? batcher = null, IChatFiles? files = null) : IConversationStore
{
    /// <summary>A first contact racing another first contact of the same person loses on the unique identity; one retry settles it.</summary>
    private const int Attempts = 2;

    public async Task<bool> RunTurnAsync(TurnRequest request, Func<TurnContext, CancellationToken, Task<TurnDecision>> decide, CancellationToken cancellationToken)
    {
        if (batcher is not null && request.MayShareTransaction && request.DedupeKey is not null && request.Kind == ChatKind.Private)
        {
            var outcome = await batcher.RunAsync(request, decide, cancellationToken);
            if (outcome != BatchedTurnOutcome.RunAlone)
            {
                return outcome == BatchedTurnOutcome.Handled;
            }
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var strategy = db.Database.CreateExecutionStrategy();
                return await strategy.ExecuteAsync(
                    (request, decide),
                    async (_, state, ct) => await RunOnceAsync(state.request, state.decide, ct),
                    verifySucceeded: null,
                    cancellationToken);
            }
            catch (DbUpdateException ex) when (attempt < Attempts && UniqueViolation.Is(ex))
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<bool> RunOnceAsync(TurnRequest request, Func<TurnContext, CancellationToken, Task<TurnDecision>> decide, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        if (request.DedupeKey is not null && !await DedupeMarkers.TryInsertAsync(db, request, ct))
        {
            await transaction.RollbackAsync(ct);
            return false;
        }

        if (request.Kind == ChatKind.Group)
        {
            await RunGroupTurnAsync(request, decide, ct);
            await transaction.CommitAsync(ct);
            return true;
        }

        var turn = await LoadAsync(request, ct);
        var decision = await decide(turn.ToContext(request.Chat, sharedTransaction: false), ct);
        if (decision.ForgetPerson)
        {
            var chats = await ForgetAsync(turn.Person.Id, decision, request.Now, ct);
            await transaction.CommitAsync(ct);
            files?.Erase(chats);
            return true;
        }

        var rows = new NewTurnRows();
        await TurnWriter.ApplyAsync(db, protector, turn, request, decision, rows, ct);
        await TurnSave.SaveAsync(db, [turn.Conversation], rows, ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    private async Task<LoadedTurn> LoadAsync(TurnRequest request, CancellationToken ct)
    {
        var identity = await db.Identities.SingleOrDefaultAsync(
            i => i.Platform == request.Chat.Platform && i.ExternalUserId == request.SenderId, ct);
        if (identity is null)
        {
            var created = NewPersonRows.Add(db, request);
            await db.SaveChangesAsync(ct);
            return created;
        }

        var conversation = await LockConversationAsync(identity.PersonId, ct);
        var person = await db.People.SingleAsync(p => p.Id == identity.PersonId, ct);
        var ownWords = await OwnWordsRows.ReadConsentedAsync(db, protector, person.Id, ct);
        return new LoadedTurn(identity, person, conversation, IsNewPerson: false, ownWords);
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
    /// chat address to the channel), conversation or history. Only the public replies are written to the outbox.
    /// </summary>
    private async Task RunGroupTurnAsync(TurnRequest request, Func<TurnContext, CancellationToken, Task<TurnDecision>> decide, CancellationToken ct)
    {
        var nobody = new PersonProfile { Id = Guid.Empty, CreatedAt = request.Now };
        var decision = await decide(new TurnContext(request.Chat, nobody, Conversation.New, ReplyMemory.Empty, IsNewPerson: false), ct);
        foreach (var message in decision.Outbox)
        {
            db.Outbox.Add(TurnRows.Outbox(protector, null, message, decision.Lane, request.Now, deleteWhenSent: false));
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Serialises turns of one person across connections and replicas (SQLite already holds the write lock here).</summary>
    private async Task<ConversationRow> LockConversationAsync(Guid personId, CancellationToken ct) =>
        db.Provider == StoreProvider.Postgres
            ? await db.Conversations.FromSql($"SELECT * FROM conversations WHERE person_id = {personId} FOR UPDATE").SingleAsync(ct)
            : await db.Conversations.SingleAsync(c => c.PersonId == personId, ct);
}
