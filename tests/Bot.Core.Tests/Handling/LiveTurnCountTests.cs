using Bot.Core.Conversations;
using Bot.Core.Messaging;
using Bot.Core.People;
using Bot.Core.Persistence;
using Bot.Core.Tests.SafetyPlan;

namespace Bot.Core.Tests.Handling;

/// <summary>A person's turn counts as live while it runs (the dispatcher steps aside for it), and never longer.</summary>
public sealed class LiveTurnCountTests
{
    private static readonly ChatAddress Chat = new(Platform.Telegram, "42");

    [Fact]
    public async Task WhileTheStoreRunsATurn_ItCountsAsLive_AndAfterwardsItDoesNot()
    {
        var live = new LiveTurns();
        var store = new WatchingStore(live, fail: false);

        await TestHandler.Over(store, liveTurns: live).HandleAsync(new InboundMessage(Chat, "42", "1", DateTimeOffset.UnixEpoch, "hello", null), CancellationToken.None);

        Assert.Equal(1, store.LiveDuringTurn);
        Assert.Equal(0, live.Count);
    }

    [Fact]
    public async Task ATurnWhoseStoreFails_StopsCountingAsLive()
    {
        var live = new LiveTurns();
        var store = new WatchingStore(live, fail: true);

        await Assert.ThrowsAsync<TimeoutException>(() =>
            TestHandler.Over(store, liveTurns: live).HandleAsync(new InboundMessage(Chat, "42", "1", DateTimeOffset.UnixEpoch, "hello", null), CancellationToken.None));

        Assert.Equal(1, store.LiveDuringTurn);
        Assert.Equal(0, live.Count);
    }

    private sealed class WatchingStore(LiveTurns live, bool fail) : IConversationStore
    {
        private readonly InMemoryConversationStore _inner = new(new PersonProfile { Id = Guid.NewGuid(), CreatedAt = DateTimeOffset.UnixEpoch }, Conversation.New);

        public int LiveDuringTurn { get; private set; } = -1;

        public Task<TurnContext?> LoadAsync(TurnRequest request, CancellationToken cancellationToken)
        {
            LiveDuringTurn = live.Count;
            return fail ? throw new TimeoutException("the database is away") : _inner.LoadAsync(request, cancellationToken);
        }

        public Task<TurnSaveResult> SaveAsync(TurnRequest request, TurnContext loaded, TurnDecision decision, CancellationToken cancellationToken) =>
            _inner.SaveAsync(request, loaded, decision, cancellationToken);
    }
}
