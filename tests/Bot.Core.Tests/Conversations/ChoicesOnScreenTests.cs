using Bot.Core.Conversations;
using Bot.Core.Messaging;

namespace Bot.Core.Tests.Conversations;

public class ChoicesOnScreenTests
{
    private static readonly ChatAddress Chat = new(Platform.Telegram, "1");
    private static readonly ReplyChoice[] Moods = [new("mood:heavy", "heavy"), new("mood:tired", "tired"), new("not-today", "not today")];

    [Fact]
    public void TheLastMessageWithButtons_IsWhatIsOnScreen()
    {
        var after = ChoicesOnScreen.After(Conversation.New, [OutboundMessage.Plain(Chat, "hi"), new OutboundMessage(Chat, "how are you?", Moods)]);

        Assert.Equal(Moods, after.LastChoices);
    }

    [Fact]
    public void AMessageWithoutButtons_ClearsThem_AndSayingNothingKeepsThem()
    {
        var shown = Conversation.New with { LastChoices = Moods };

        Assert.Empty(ChoicesOnScreen.After(shown, [OutboundMessage.Plain(Chat, "all set")]).LastChoices);
        Assert.Equal(Moods, ChoicesOnScreen.After(shown, []).LastChoices);
    }

    [Theory]
    [InlineData("2", "mood:tired")]
    [InlineData(" 3 ", "not-today")]
    [InlineData("Not Today", "not-today")]
    [InlineData("4", null)]
    [InlineData("0", null)]
    [InlineData("-1", null)]
    [InlineData("/2", null)]
    [InlineData("tired, honestly", null)]
    public void ANumberOrALabel_PicksAButton(string typed, string? expected)
    {
        Assert.Equal(expected, ChoicesOnScreen.Pick(typed, Moods)?.Id);
    }

    [Fact]
    public void NothingOnScreen_PicksNothing()
    {
        Assert.Null(ChoicesOnScreen.Pick("1", []));
    }
}
