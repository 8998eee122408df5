using System.Text.Json;
using Bot.Core.Conversations;
using Bot.Core.Messaging;
using Bot.Core.People;
using Bot.Core.Persistence;
using Bot.Core.Replies;

namespace Bot.Core.Tests.Conversations;

/// <summary>
/// A conversation played turn by turn through the real classifier, engine and planner (all pure).
/// Assertions are on reply keys, never on copy, so the words can change freely.
/// </summary>
internal sealed class Transcript
{
    private static readonly TurnPlanner Planner = new(ReplyCatalog.English);
    private static readonly ChatAddress Chat = new(Platform.Telegram, "42");

    private Transcript(Conversation conversation, DateTimeOffset now, PersonProfile person)
    {
        Conversation = conversation;
        Now = now;
        Person = person;
    }

    public Conversation Conversation { get; private set; }

    public PersonProfile Person { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public ReplyMemory Memory { get; private set; } = ReplyMemory.Empty;

    public IReadOnlyList<ReplyKey> LastKeys { get; private set; } = [];

    public TurnDecision? LastDecision { get; private set; }

    public List<ReplyKey> AllKeys { get; } = [];

    public List<HistoryEntry> History { get; } = [];

    public static DateTimeOffset Monday { get; } = new(2026, 11, 23, 19, 0, 0, TimeSpan.Zero);

    /// <summary>Someone who has already met the bot and is between check-ins.</summary>
    public static Transcript Known(Conversation? conversation = null, string? country = null) =>
        new(conversation ?? new Conversation { Introduced = true, ConsentAsked = true, Step = CheckInStep.Idle }, Monday, NewPerson(country));

    /// <summary>Someone the bot has never talked to.</summary>
    public static Transcript FirstContact() => new(Conversation.New, Monday, NewPerson(null));

    public static PersonProfile NewPerson(string? country) =>
        new() { Id = Guid.Parse("0197e0c0-0000-7000-8000-000000000042"), CreatedAt = Monday, Country = country };

    public Transcript User(string text) => Play(IntentClassifier.Classify(text, null, Conversation));

    public Transcript Press(string choiceId) => Play(IntentClassifier.Classify(null, choiceId, Conversation));

    public Transcript Tick(Signal signal) => Play(signal);

    public Transcript Later(TimeSpan span)
    {
        Now += span;
        return this;
    }

    /// <summary>Presses the n-th small step the bot offered.</summary>
    public Transcript PressOfferedStep(int index = 0) => Press(Conversation.OfferedSteps[index]);

    public Transcript BotSays(params ReplyKey[] keys)
    {
        Assert.Equal(keys, LastKeys);
        return this;
    }

    public Transcript BotSaysNothing()
    {
        Assert.Empty(LastKeys);
        Assert.NotNull(LastDecision);
        Assert.Empty(LastDecision.Outbox);
        return this;
    }

    public Transcript IsIn(CheckInStep step)
    {
        Assert.Equal(step, Conversation.Step);
        return this;
    }

    public Transcript Recorded(string kind, string value)
    {
        Assert.Contains(History, h => h.Kind == kind && h.Value == value);
        return this;
    }

    public Transcript NeverSaid(ReplyKey key)
    {
        Assert.DoesNotContain(key, AllKeys);
        return this;
    }

    public void EndsIn(CheckInStep step) => IsIn(step);

    private Transcript Play(Signal signal)
    {
        var before = Conversation;
        var countryKnown = Bot.Core.Safety.CrisisLineDirectory.Default.Find(Person.Country) is not null;
        var turn = CheckInEngine.Advance(before, signal, Now, countryKnown);
        var decision = Planner.Plan(new TurnContext(Chat, Person, before, Memory, false), signal, Now, DeliveryLane.Reply);

        // The planner runs the same pure engine: same state, and one message per reply key, all filled in.
        Assert.Equal(JsonSerializer.Serialize(turn.Next), JsonSerializer.Serialize(decision.Conversation));
        Assert.Equal(turn.Say.Count, decision.Outbox.Count);
        Assert.All(decision.Outbox, m => Assert.DoesNotContain("{", m.Text, StringComparison.Ordinal));
        Assert.All(decision.Outbox, m => Assert.All(m.Choices, c => Assert.True(c.Id.Length <= 40)));

        Conversation = decision.Conversation;
        Person = decision.Person;
        Memory = decision.Replies;
        LastDecision = decision;
        LastKeys = turn.Say.Select(u => u.Key).ToArray();
        AllKeys.AddRange(LastKeys);
        History.AddRange(decision.History);
        Now += TimeSpan.FromSeconds(30);
        return this;
    }
}
