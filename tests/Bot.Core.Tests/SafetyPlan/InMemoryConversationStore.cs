using Bot.Core.Conversations;
using Bot.Core.People;
using Bot.Core.Persistence;

namespace Bot.Core.Tests.SafetyPlan;

/// <summary>One person's store, in memory: keeps every decision so tests can read what a turn asked the dispatcher to do.</summary>
internal sealed class InMemoryConversationStore(PersonProfile person, Conversation conversation, InMemorySafetyPlanStore? plans = null) : IConversationStore
{
    private readonly HashSet<string> _seen = [];
    private long _version;

    public PersonProfile Person { get; private set; } = person;

    public Conversation Conversation { get; private set; } = conversation;

    public ReplyMemory Replies { get; private set; } = ReplyMemory.Empty;

    public List<TurnDecision> Decisions { get; } = [];

    public TurnDecision Last => Decisions[^1];

    public void Reset(Conversation conversation)
    {
        Conversation = conversation;
        _version++;
    }

    public Task<TurnContext?> LoadAsync(TurnRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(request.DedupeKey is not null && _seen.Contains(Key(request))
            ? null
            : new TurnContext(request.Chat, Person, Conversation, Replies, IsNewPerson: false) { Version = _version });

    public Task<TurnSaveResult> SaveAsync(TurnRequest request, TurnContext loaded, TurnDecision decision, CancellationToken cancellationToken)
    {
        if (request.DedupeKey is not null && !_seen.Add(Key(request)))
        {
            return Task.FromResult(TurnSaveResult.Duplicate);
        }

        if (loaded.Version != _version)
        {
            _seen.Remove(Key(request));
            return Task.FromResult(TurnSaveResult.Conflict);
        }

        _version++;
        plans?.Apply(decision.Person.Id, decision.Writes);
        Person = decision.Person;
        Conversation = decision.Conversation;
        Replies = decision.Replies;
        Decisions.Add(decision);
        return Task.FromResult(TurnSaveResult.Saved);
    }

    private static string Key(TurnRequest request) => $"{request.Chat.ChatId}:{request.DedupeKey}";
}
