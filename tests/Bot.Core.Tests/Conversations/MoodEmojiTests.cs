using Bot.Core.Conversations;
using Bot.Core.Replies;

namespace Bot.Core.Tests.Conversations;

/// <summary>Issue 17: emoji moods ("😩", "🙂") were refused. The common faces map to the five moods; risky ones are checked.</summary>
public class MoodEmojiTests
{
    private static readonly Conversation Opened = new() { Introduced = true, ConsentAsked = true, Step = CheckInStep.Opened };

    [Theory]
    [InlineData("😩", "tired")]
    [InlineData("🙂", "okay")]
    [InlineData("😊", "bright")]
    [InlineData("😐", "okay")]
    [InlineData("😔", "heavy")]
    [InlineData("😭", "heavy")]
    [InlineData("👍", "okay")]
    [InlineData("👍🏽", "okay")]
    [InlineData("😌", "steady")]
    [InlineData("☀️", "bright")]
    [InlineData("😴😴", "tired")]
    [InlineData(" 🙂 ! ", "okay")]
    [InlineData("🤷‍♀️", "okay")]
    [InlineData("😮‍💨", "tired")]
    public void CommonEmoji_AreOneOfTheFiveMoods(string text, string mood)
    {
        var said = IntentClassifier.Classify(text, null, Opened);

        Assert.Equal(Intent.Mood, said.Intent);
        Assert.Equal(mood, said.Value);
    }

    [Theory]
    [InlineData("🙃")]
    [InlineData("😊😭")]
    [InlineData("🍕")]
    public void IronicMixedOrUnknownEmoji_AreTheirOwnWords_NotAGuess(string text)
    {
        Transcript.Known().User("/checkin").User(text)
            .BotSays(ReplyKey.AckOwnWords, ReplyKey.OfferGrounding)
            .Recorded("mood", "own-words");
    }

    [Theory]
    [InlineData("😩", "tired", ReplyKey.AckTired)]
    [InlineData("😭", "heavy", ReplyKey.AckHeavy)]
    public void AnEmojiMood_IsAcknowledgedAndRecorded_LikeATap(string text, string mood, ReplyKey ack)
    {
        Transcript.Known().User("/checkin").User(text)
            .BotSays(ack, ReplyKey.OfferGrounding)
            .Recorded("mood", mood);
    }

    [Theory]
    [InlineData("💀")]
    [InlineData("☠️")]
    [InlineData("🔪")]
    [InlineData("💊💊💊")]
    [InlineData("🪢")]
    [InlineData("😔🔪")]
    public void RiskyEmoji_AreNeverAMood_TheyGetALightCheck(string text)
    {
        var chat = Transcript.Known().User("/checkin").User(text);

        chat.BotSays(ReplyKey.SoftCheck).IsIn(CheckInStep.SafetyHold);
        Assert.DoesNotContain(chat.History, h => h.Kind == "mood");
    }

    [Fact]
    public void ALightCheckAfterASkull_ThatWasAJoke_GoesBackToTheMoodQuestion()
    {
        Transcript.Known().User("/checkin").User("💀").Press("misread")
            .BotSays(ReplyKey.FalseAlarm, ReplyKey.Opener)
            .IsIn(CheckInStep.Opened);
    }

    [Fact]
    public void EmojiInsideWords_AreLeftToTheWords()
    {
        var said = IntentClassifier.Classify("tired 😩 but okay-ish", null, Opened);

        Assert.Equal(Intent.Shared, said.Intent);
    }
}
