using Bot.Adapters.Persistence;
using Bot.Adapters.Persistence.Entities;
using Bot.Adapters.Persistence.Turns;
using Bot.Core.Conversations;
using Bot.Core.Messaging;
using Bot.Core.Persistence;
using Bot.Core.Replies;

namespace Bot.Adapters.Tests.Persistence;

/// <summary>Kept turn rows hand the next turn the state they were written from, and read the row again when it changed.</summary>
public sealed class LoadedTurnTests
{
    private static readonly ChatAddress Chat = new(Platform.Telegram, "42");

    [Fact]
    public void ToContext_AfterWrote_ReturnsTheStateItWasWrittenFrom_WithoutReadingTheJson()
    {
        var turn = Turn(Conversation.New);
        var state = Conversation.New with { Step = CheckInStep.Opened, CheckInCount = 3 };
        var replies = ReplyMemory.Empty.With(ReplyKey.Welcome, 2);
        turn.Conversation.StateJson = StateJson.Write(state);
        turn.Conversation.RepliesJson = StateJson.Write(replies);

        turn.Wrote(state, replies);
        var context = (turn with { IsNewPerson = false }).ToContext(Chat);

        Assert.Same(state, context.Conversation);
        Assert.Same(replies, context.Replies);
    }

    [Fact]
    public void ToContext_ReadsTheRowAgain_WhenItsJsonChangedSince()
    {
        var turn = Turn(Conversation.New);
        turn.Wrote(Conversation.New, ReplyMemory.Empty);
        var moved = Conversation.New with { Step = CheckInStep.Opened, CheckInCount = 7 };
        turn.Conversation.StateJson = StateJson.Write(moved);

        var context = turn.ToContext(Chat);

        Assert.Equal(CheckInStep.Opened, context.Conversation.Step);
        Assert.Equal(7, context.Conversation.CheckInCount);
    }

    private static LoadedTurn Turn(Conversation state) => new(
        new PlatformIdentityRow { PersonId = Guid.NewGuid(), Platform = Platform.Telegram, ExternalUserId = "42", ChatId = "42" },
        new PersonRow { Id = Guid.NewGuid() },
        new ConversationRow { StateJson = StateJson.Write(state), RepliesJson = StateJson.Write(ReplyMemory.Empty) },
        IsNewPerson: false,
        []);
}
