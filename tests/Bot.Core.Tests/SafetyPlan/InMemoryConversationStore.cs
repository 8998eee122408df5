using Bot.Core.Conversations;
using Bot.Core.People;
using Bot.Core.Persistence;

namespace Bot.Core.Tests.SafetyPlan;

/// <summary>One person's store, in memory: keeps every decision so tests can read what a turn asked the dispatcher to do.</summary>
internal sealed class InMemoryConversationStore(PersonProfile person, Conversation conversation) : IConversationStore
{
    private readonly HashSet<string> _seen = [];

    public PersonProfile Person { get; private set; } = person;

    public Conversation Conversation { get; private set; } = conversation;

    public ReplyMemory Replies { get; private set; } = ReplyMemory.Empty;

    public List<TurnDecision> Decisions { get; } = [];

    public TurnDecision Last => Decisions[^1];

    public void Reset(Conversation conversation) => Conversation = conversation;

    public async Task<bool> RunTurnAsync(TurnRequest request, Func<TurnContext, CancellationToken, Task<TurnDecision>> decide, CancellationToken cancellationToken)
    {
        var key = $"{request.Chat.ChatId}:{request.DedupeKey}";
        if (request.DedupeKey is not null && _seen.Contains(key))
        {
            return false;
        }

        // Like a transaction: a decision that throws leaves no dedupe marker behind.
        var decision = await decide(new TurnContext(request.Chat, Person, Conversation, Replies, IsNewPerson: false), cancellationToken);
        if (request.DedupeKey is not null)
        {
            _seen.Add(key);
        }

        Person = decision.Person;
        Conversation = decision.Conversation;
        Replies = decision.Replies;
        Decisions.Add(decision);
        return true;
    }
}
