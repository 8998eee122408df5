using Bot.Adapters.Persistence.Entities;
using Bot.Core.Conversations;
using Bot.Core.Persistence;

namespace Bot.Adapters.Persistence.Turns;

/// <summary>A first contact: the person, their identity, an idle conversation and an empty schedule.</summary>
internal static class NewPersonRows
{
    /// <summary>The rows, neither tracked nor written; <paramref name="personId"/> is the id the turn was decided with.</summary>
    public static (LoadedTurn Turn, ScheduleRow Schedule) Create(TurnRequest request, Guid personId)
    {
        var person = new PersonRow { Id = personId, CreatedAt = request.Now };
        var identity = new PlatformIdentityRow
        {
            PersonId = person.Id,
            Platform = request.Chat.Platform,
            ExternalUserId = request.SenderId,
            ChatId = request.Chat.ChatId,
            CreatedAt = request.Now,
        };
        var conversation = new ConversationRow
        {
            PersonId = person.Id,
            Step = nameof(CheckInStep.Idle),
            StateJson = StateJson.Write(Conversation.New),
            RepliesJson = StateJson.Write(ReplyMemory.Empty),
            UpdatedAt = request.Now,
        };
        var schedule = new ScheduleRow { PersonId = person.Id, UpdatedAt = request.Now };
        return (new LoadedTurn(identity, person, conversation, IsNewPerson: true, OwnWords: []), schedule);
    }

    /// <summary>The rows, added to the context (saved with its next save).</summary>
    public static LoadedTurn Add(BotDbContext db, TurnRequest request, Guid personId)
    {
        var (turn, schedule) = Create(request, personId);
        db.People.Add(turn.Person);
        db.Identities.Add(turn.Identity);
        db.Conversations.Add(turn.Conversation);
        db.Schedules.Add(schedule);
        return turn;
    }
}
