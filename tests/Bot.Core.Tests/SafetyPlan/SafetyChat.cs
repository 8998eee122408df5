using Bot.Core.Commands;
using Bot.Core.Conversations;
using Bot.Core.Messaging;
using Bot.Core.Observability;
using Bot.Core.People;
using Bot.Core.Persistence;
using Bot.Core.Replies;
using Bot.Core.Safety;
using Bot.Core.SafetyPlan;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Core.Tests.SafetyPlan;

/// <summary>
/// A person talking to the real handler, engine, planner, safety-plan features and crisis care, with a fake clock.
/// Only the stores are in memory. Assertions read what the bot wrote to the outbox.
/// </summary>
internal sealed class SafetyChat
{
    public static readonly ChatAddress Private = new(Platform.Telegram, "42");
    public static readonly ChatAddress Group = new(Platform.Telegram, "-100777");
    private static readonly TurnPlanner Planner = new(ReplyCatalog.English);
    private readonly ConversationHandler _handler;
    private int _messageId;

    public SafetyChat(string? country = "GB", string timeZone = "Europe/London", string checkInTime = "19:00")
    {
        Clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 21, 0, 0, TimeSpan.Zero));
        var person = new PersonProfile { Id = Guid.Parse("0197e0c0-0000-7000-8000-0000000000aa"), CreatedAt = Clock.GetUtcNow(), Country = country, TimeZone = timeZone };
        Store = new InMemoryConversationStore(person, new Conversation
        {
            Introduced = true,
            ConsentAsked = true,
            Step = CheckInStep.Idle,
            CheckInTime = checkInTime,
            CountryAsked = country is not null,
        }, Plans);
        FollowUps = new SafetyFollowUpFeature(Plans, Copy, Planner);
        ICommandFeature[] features = [new SafetyPlanFeature(Plans, Copy), FollowUps];
        _handler = new ConversationHandler(
            new TurnLoop(Store),
            Planner,
            features,
            new OutboxSignal(),
            Flood,
            ReplyCatalog.English,
            new BotMetrics(),
            Clock,
            NullLogger<ConversationHandler>.Instance,
            CrisisScreen.LexiconOnly,
            new CrisisCare(Plans, Copy));
    }

    public static SafetyPlanCopy Copy => SafetyPlanCopy.English;

    /// <summary>Never slows these conversations: flood control has its own tests.</summary>
    private static FloodGuard Flood { get; } = new(TimeProvider.System, burst: 100_000, perSecond: 100_000);

    public FakeTimeProvider Clock { get; }

    public InMemoryConversationStore Store { get; }

    public InMemorySafetyPlanStore Plans { get; } = new();

    public SafetyFollowUpFeature FollowUps { get; }

    public CheckInStep Step => Store.Conversation.Step;

    public IReadOnlyList<OutboundMessage> Said => Store.Last.Outbox;

    public string SaidText => string.Join("\n---\n", Said.Select(m => m.Text));

    public IEnumerable<string> Buttons => Said.SelectMany(m => m.Choices).Select(c => c.Id);

    public PersonalSafetyPlan? Plan => Plans.Plans.GetValueOrDefault(Store.Person.Id);

    public async Task<SafetyChat> User(string text, ChatKind kind = ChatKind.Private)
    {
        Assert.Equal(HandleOutcome.Handled, await Send(text, kind));
        return this;
    }

    public Task<HandleOutcome> Send(string text, ChatKind kind)
    {
        var chat = kind == ChatKind.Group ? Group : Private;
        return _handler.HandleAsync(
            new InboundMessage(chat, "42", (++_messageId).ToString(System.Globalization.CultureInfo.InvariantCulture), Clock.GetUtcNow(), text, null) { Kind = kind },
            CancellationToken.None);
    }

    public async Task<SafetyChat> Press(string choiceId)
    {
        var outcome = await _handler.HandleAsync(
            new InboundMessage(Private, "42", (++_messageId).ToString(System.Globalization.CultureInfo.InvariantCulture), Clock.GetUtcNow(), null, choiceId),
            CancellationToken.None);
        Assert.Equal(HandleOutcome.Handled, outcome);
        return this;
    }

    /// <summary>What the dispatcher does at a scheduled check-in time: the engine's CheckInDue turn.</summary>
    public async Task<SafetyChat> ScheduledCheckIn()
    {
        var now = Clock.GetUtcNow();
        await new TurnLoop(Store).RunAsync(new TurnRequest(Private, "42", null, now), (context, _) => Task.FromResult(Planner.Plan(context, new Signal.CheckInDue(), now, DeliveryLane.Scheduled)), CancellationToken.None);
        return this;
    }

    /// <summary>What the follow-up job does for a due follow-up.</summary>
    public async Task<SafetyChat> FollowUpJob()
    {
        var now = Clock.GetUtcNow();
        await new TurnLoop(Store).RunAsync(new TurnRequest(Private, "42", null, now), (context, _) => Task.FromResult(FollowUps.PlanDue(context, now)), CancellationToken.None);
        return this;
    }

    public void At(int day, int hour) => Clock.SetUtcNow(new DateTimeOffset(2026, 11, day, hour, 0, 0, TimeSpan.Zero));
}
