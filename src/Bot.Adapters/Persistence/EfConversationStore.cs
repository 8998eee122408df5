using Bot.Adapters.Persistence.Entities;
using Bot.Core.Conversations;
using Bot.Core.Messaging;
using Bot.Core.People;
using Bot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Bot.Adapters.Persistence;

public sealed class EfConversationStore(BotDbContext db, FreeTextProtector protector) : IConversationStore
{
    /// <summary>A first contact racing another first contact of the same person loses on the unique identity; one retry settles it.</summary>
    private const int Attempts = 2;

    /// <summary>The history kind the engine records when a person picks a small step; it may earn a gentle follow-up.</summary>
    private const string SmallStepKind = "small-step";

    public async Task<bool> RunTurnAsync(TurnRequest request, Func<TurnContext, CancellationToken, Task<TurnDecision>> decide, CancellationToken cancellationToken)
    {
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

        if (request.DedupeKey is not null && !await TryMarkProcessedAsync(request, ct))
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

        var (identity, isNew) = await FindOrCreateIdentityAsync(request, ct);
        var person = await db.People.SingleAsync(p => p.Id == identity.PersonId, ct);
        var conversation = await LockConversationAsync(person.Id, ct);

        var context = new TurnContext(
            request.Chat,
            ToProfile(person),
            StateJson.Read<Conversation>(conversation.StateJson),
            StateJson.Read<ReplyMemory>(conversation.RepliesJson),
            isNew)
        {
            OwnWords = await OwnWordsRows.ReadConsentedAsync(db, protector, person.Id, ct),
        };
        var decision = await decide(context, ct);
        if (decision.ForgetPerson)
        {
            await ForgetAsync(person.Id, decision, request.Now, ct);
            await transaction.CommitAsync(ct);
            return true;
        }

        Apply(decision, person, conversation, request.Now);
        identity.Reachable = true;
        identity.ChatId = request.Chat.ChatId;
        await ApplyScheduleAsync(person.Id, decision.Schedule, request.Now, ct);
        if (decision.KeepOwnWords is { } phrase)
        {
            await OwnWordsRows.KeepAsync(db, protector, person.Id, phrase, request.Now, ct);
        }

        if (decision.CheckIns is { } checkIns)
        {
            await EfScheduleStore.ApplyCheckInPreferenceAsync(db, person.Id, checkIns, request.Now, ct);
        }

        if (decision.History.Any(h => h.Kind == SmallStepKind))
        {
            await EfScheduleStore.RequestFollowUpAsync(db, person.Id, request.Now, ct);
        }

        await SafetyCareRows.ApplyAsync(db, person.Id, decision, request.Now, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>Deletes everything about the person; the goodbye belongs to no one and is removed once delivered.</summary>
    private async Task ForgetAsync(Guid personId, TurnDecision decision, DateTimeOffset now, CancellationToken ct)
    {
        await PersonEraser.EraseAsync(db, personId, ct);
        db.ChangeTracker.Clear();
        foreach (var message in decision.Outbox)
        {
            db.Outbox.Add(TurnRows.Outbox(null, message, decision.Lane, now, deleteWhenSent: true));
        }

        await db.SaveChangesAsync(ct);
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
            db.Outbox.Add(TurnRows.Outbox(null, message, decision.Lane, request.Now, deleteWhenSent: false));
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Inserts the dedupe marker; 0 rows means another delivery of this message got here first.</summary>
    private async Task<bool> TryMarkProcessedAsync(TurnRequest request, CancellationToken ct)
    {
        var platform = request.Chat.Platform.ToString();
        var key = $"{request.Chat.ChatId}:{request.DedupeKey}";
        var processedAt = db.Provider == StoreProvider.Sqlite ? SqliteInstants.ToColumn(request.Now) : (object)request.Now;
        var inserted = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO processed_inbound (platform, message_key, processed_at) VALUES ({platform}, {key}, {processedAt}) ON CONFLICT DO NOTHING",
            ct);
        return inserted == 1;
    }

    private async Task<(PlatformIdentityRow Identity, bool IsNew)> FindOrCreateIdentityAsync(TurnRequest request, CancellationToken ct)
    {
        var identity = await db.Identities.SingleOrDefaultAsync(
            i => i.Platform == request.Chat.Platform && i.ExternalUserId == request.SenderId, ct);
        if (identity is not null)
        {
            return (identity, false);
        }

        var person = new PersonRow { Id = Guid.CreateVersion7(request.Now), CreatedAt = request.Now };
        identity = new PlatformIdentityRow
        {
            PersonId = person.Id,
            Platform = request.Chat.Platform,
            ExternalUserId = request.SenderId,
            ChatId = request.Chat.ChatId,
            CreatedAt = request.Now,
        };
        db.People.Add(person);
        db.Identities.Add(identity);
        db.Conversations.Add(new ConversationRow
        {
            PersonId = person.Id,
            Step = nameof(CheckInStep.Idle),
            StateJson = StateJson.Write(Conversation.New),
            RepliesJson = StateJson.Write(ReplyMemory.Empty),
            UpdatedAt = request.Now,
        });
        db.Schedules.Add(new ScheduleRow { PersonId = person.Id, UpdatedAt = request.Now });
        await db.SaveChangesAsync(ct);
        return (identity, true);
    }

    /// <summary>Serialises turns of one person across connections and replicas (SQLite already holds the write lock here).</summary>
    private async Task<ConversationRow> LockConversationAsync(Guid personId, CancellationToken ct) =>
        db.Provider == StoreProvider.Postgres
            ? await db.Conversations.FromSql($"SELECT * FROM conversations WHERE person_id = {personId} FOR UPDATE").SingleAsync(ct)
            : await db.Conversations.SingleAsync(c => c.PersonId == personId, ct);

    private void Apply(TurnDecision decision, PersonRow person, ConversationRow conversation, DateTimeOffset now)
    {
        person.Locale = decision.Person.Locale;
        person.TimeZone = decision.Person.TimeZone;
        person.Country = decision.Person.Country;

        conversation.Step = decision.Conversation.Step.ToString();
        conversation.StateJson = StateJson.Write(decision.Conversation);
        conversation.RepliesJson = StateJson.Write(decision.Replies);
        conversation.UpdatedAt = now;

        TurnRows.AddHistory(db, protector, person.Id, decision.History);

        foreach (var message in decision.Outbox)
        {
            db.Outbox.Add(TurnRows.Outbox(person.Id, message, decision.Lane, now));
        }
    }

    private async Task ApplyScheduleAsync(Guid personId, ScheduleChange change, DateTimeOffset now, CancellationToken ct)
    {
        if (change == ScheduleChange.None)
        {
            return;
        }

        var schedule = await db.Schedules.SingleAsync(s => s.PersonId == personId, ct);
        schedule.Paused = change == ScheduleChange.Pause;
        schedule.UpdatedAt = now;
    }

    private static PersonProfile ToProfile(PersonRow row) => new()
    {
        Id = row.Id,
        CreatedAt = row.CreatedAt,
        Locale = row.Locale,
        TimeZone = row.TimeZone,
        Country = row.Country,
    };
}
