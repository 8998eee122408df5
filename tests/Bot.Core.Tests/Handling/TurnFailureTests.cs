using Bot.Core.Commands;
using Bot.Core.Conversations;
using Bot.Core.History;
using Bot.Core.Messaging;
using Bot.Core.People;
using Bot.Core.Persistence;
using Bot.Core.Replies;
using Bot.Core.Tests.SafetyPlan;

namespace Bot.Core.Tests.Handling;

/// <summary>A failing decision is answered gently; a failing store is not the person's problem, and the message comes again.</summary>
public sealed class TurnFailureTests
{
    private static readonly ChatAddress Chat = new(Platform.Telegram, "42");
    private static readonly string Sorry = ReplyCatalog.English[ReplyKey.SomethingWentWrongGently].Variants[0];

    [Fact]
    public async Task ADecisionThatThrows_IsAnsweredGently_AndTheConversationClosed()
    {
        var store = new FlakyStore(failures: 0);

        var outcome = await Handler(store).HandleAsync(Message("/link abcd2345"), CancellationToken.None);

        Assert.Equal(HandleOutcome.Handled, outcome);
        Assert.Equal(Sorry, Assert.Single(store.Inner.Last.Outbox).Text);
        Assert.Equal(CheckInStep.Closed, store.Inner.Conversation.Step);
    }

    [Fact]
    public async Task AStoreThatFails_LetsTheFailureUp_WithoutAnApology_SoTheMessageComesAgain()
    {
        var store = new FlakyStore(failures: 1);
        var handler = Handler(store);

        await Assert.ThrowsAsync<TimeoutException>(() => handler.HandleAsync(Message("hello", "1"), CancellationToken.None));
        Assert.Empty(store.Inner.Decisions);

        // Redelivered once the store is back: an ordinary turn, no apology.
        Assert.Equal(HandleOutcome.Handled, await handler.HandleAsync(Message("hello", "1"), CancellationToken.None));
        Assert.DoesNotContain(store.Inner.Last.Outbox, m => m.Text == Sorry);
    }

    private static InboundMessage Message(string text, string id = "1") => new(Chat, "42", id, DateTimeOffset.UnixEpoch, text, null);

    private static ConversationHandler Handler(IConversationStore store) => TestHandler.Over(store, [BrokenFeature()]);

    /// <summary>A feature with a bug: /link CODE, over a port that breaks while the turn is being decided.</summary>
    private static LinkFeature BrokenFeature() => new(new BrokenLinkStore(), HistoryCopy.English);

    private sealed class BrokenLinkStore : ILinkStore
    {
        public Task<PersonProfile?> FindOwnerAsync(string codeHash, DateTimeOffset now, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("a bug");
    }

    /// <summary>The first calls fail the way a database that is away does: before any decision is made.</summary>
    private sealed class FlakyStore(int failures) : IConversationStore
    {
        private int _failuresLeft = failures;

        public InMemoryConversationStore Inner { get; } = new(new PersonProfile { Id = Guid.NewGuid(), CreatedAt = DateTimeOffset.UnixEpoch }, Conversation.New);

        public Task<TurnContext?> LoadAsync(TurnRequest request, CancellationToken cancellationToken) =>
            _failuresLeft-- > 0 ? throw new TimeoutException("the database is away") : Inner.LoadAsync(request, cancellationToken);

        public Task<TurnSaveResult> SaveAsync(TurnRequest request, TurnContext loaded, TurnDecision decision, CancellationToken cancellationToken) =>
            Inner.SaveAsync(request, loaded, decision, cancellationToken);
    }
}
