using Bot.Core.Conversations;
using Bot.Core.Replies;

namespace Bot.Core.Tests.Conversations;

/// <summary>
/// Issue 17: "honestly I don't want to do this" was filed as the person's mood and the flow went on to breathing.
/// Unwillingness is heard as "not today": validated first, then the respectful offer, and never stored as a mood.
/// </summary>
public class UnwillingnessTests
{
    private static readonly Conversation Opened = new() { Introduced = true, ConsentAsked = true, Step = CheckInStep.Opened };

    public static TheoryData<string> DoNotWantTo => new()
    {
        "honestly I don't want to do this",
        "i dont wanna do this",
        "I do not want to do this right now",
        "don't really want to",
        "I don't feel like it today",
        "i dont want to talk about it",
        "no, I don't want to, sorry",
        "Don’t want to do this rn",
    };

    public static TheoryData<string> CannotBeBothered => new()
    {
        "can't be bothered",
        "cant be bothered tbh",
        "Can't be arsed today",
        "cba",
        "couldn't be bothered honestly",
        "cannot be botherd",
        "ugh I really can't be bothered with this",
    };

    public static TheoryData<string> Pointless => new()
    {
        "this is pointless",
        "honestly this is so pointless",
        "it's pointless",
        "pointless.",
        "this all feels pointless",
        "THIS IS POINTLESS",
    };

    public static TheoryData<string> LeaveMeAlone => new()
    {
        "leave me alone",
        "just leave me alone pls",
        "LEAVE ME ALONE!!",
        "leav me alone",
        "leave me be",
    };

    public static TheoryData<string> NotInTheMood => new()
    {
        "not in the mood",
        "I'm not in the mood",
        "not really in the mood for this",
        "not in teh mood rn",
        "ugh, not feeling it today",
        "in no mood for this",
    };

    public static TheoryData<string> MaybeLater => new()
    {
        "maybe later",
        "maybe later tho",
        "Maybe later, sorry",
        "later maybe",
        "maybe tomorrow",
        "mayb later",
        "hmm not now, maybe another time",
    };

    /// <summary>Every family above: each phrase was a mood (or an unvalidated "not today") before the fix.</summary>
    public static TheoryData<string> EveryFamily
    {
        get
        {
            var all = new TheoryData<string>();
            foreach (var family in (TheoryData<string>[])[DoNotWantTo, CannotBeBothered, Pointless, LeaveMeAlone, NotInTheMood, MaybeLater])
            {
                foreach (var row in family)
                {
                    all.Add(row);
                }
            }

            return all;
        }
    }

    [Theory]
    [MemberData(nameof(EveryFamily))]
    public void Unwillingness_IsHeardAsNotToday_WithItsKind(string text)
    {
        var said = IntentClassifier.Classify(text, null, Opened);

        Assert.Equal(Intent.NotToday, said.Intent);
        Assert.Equal(nameof(ResistanceKind.Unwilling), said.Value);
    }

    [Theory]
    [MemberData(nameof(EveryFamily))]
    public void Unwillingness_AtTheMoodQuestion_IsValidatedThenOffered_NeverStoredAsAMood(string text)
    {
        var chat = Transcript.Known().User("/checkin").User(text);

        chat.BotSays(ReplyKey.ValidateUnwilling, ReplyKey.RespectTheNo).IsIn(CheckInStep.OfferingTiny);
        Assert.DoesNotContain(chat.History, h => h.Kind == "mood");
        Assert.Null(chat.Conversation.Mood);
        chat.Recorded("not-today", "opener");
    }

    [Theory]
    [InlineData("can't be bothered")]
    [InlineData("leave me alone")]
    [InlineData("this is pointless")]
    public void Unwillingness_DuringAGroundingOffer_SkipsIt_AfterValidating(string text)
    {
        var chat = Transcript.Known().User("/checkin").Press("mood:tired").IsIn(CheckInStep.OfferingGrounding).User(text);

        Assert.Equal(ReplyKey.ValidateUnwilling, chat.LastKeys[0]);
        Assert.Contains(ReplyKey.NoGroundingToday, chat.LastKeys);
        chat.IsIn(CheckInStep.ChoosingStep);
    }

    [Fact]
    public void Unwillingness_Twice_ClosesWarmly_AfterValidating()
    {
        Transcript.Known().User("/checkin").User("honestly I don't want to do this").User("maybe later")
            .BotSays(ReplyKey.ValidateUnwilling, ReplyKey.CloseWarmly)
            .IsIn(CheckInStep.Closed);
    }

    [Theory]
    [InlineData("not bad", "okay")]
    [InlineData("I don't want to lie, I'm okay", "own-words")]
    [InlineData("pointless meeting today but fine", "own-words")]
    [InlineData("I don't want to go to work but I'm alright", "own-words")]
    [InlineData("not in the mood for people today", "own-words")]
    [InlineData("maybe later I'll go for a walk, feeling steady", "own-words")]
    [InlineData("it was a pointless day, tired", "own-words")]
    [InlineData("my roommate won't leave me alone, stressed", "own-words")]
    [InlineData("my boss can't be bothered to reply, annoyed", "own-words")]
    [InlineData("they don't want to talk about it, frustrating", "own-words")]
    public void MoodsThatMerelySoundUnwilling_StayMoods(string text, string mood)
    {
        var chat = Transcript.Known().User("/checkin").User(text);

        chat.IsIn(CheckInStep.OfferingGrounding).Recorded("mood", mood);
        Assert.DoesNotContain(ReplyKey.ValidateUnwilling, chat.LastKeys);
        Assert.DoesNotContain(ReplyKey.ValidateSceptical, chat.LastKeys);
    }

    [Theory]
    [InlineData("this is stupid, you're just a bot")]
    [InlineData("go away")]
    public void Resistance_AtTheBot_OrTheExercise_IsNotFiledAsAMood(string text)
    {
        var chat = Transcript.Known().User("/checkin").User(text);

        Assert.DoesNotContain(chat.History, h => h.Kind == "mood");
        Assert.Contains(chat.History, h => h.Kind == "resistance");
    }

    [Fact]
    public void Resistance_ThatDescribesThePerson_IsStillTheirMood_InTheirWords()
    {
        Transcript.Known().User("/checkin").User("I feel guilty even taking 5 minutes")
            .Recorded("mood", "own-words")
            .Recorded("resistance", "Guilt");
    }
}
