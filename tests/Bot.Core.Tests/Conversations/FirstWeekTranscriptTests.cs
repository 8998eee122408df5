using Bot.Core.Conversations;
using Bot.Core.Safety;
using static Bot.Core.Replies.ReplyKey;

namespace Bot.Core.Tests.Conversations;

/// <summary>Wrong turns a person met in their first week (issue 17), as transcripts of reply keys.</summary>
public sealed class FirstWeekTranscriptTests
{
    [Fact]
    public void NotSafe_HearsTheRoutes_ThenAnOfferToStay_AndIsAskedAgainLater()
    {
        Transcript.Known()
            .User("everyone would be better off without me").BotSays(CheckDirectly)
            .Press("risk:sometimes").BotSays(CrisisCare, CrisisLinesAskCountry, AskSafe)
            .Press("not-safe").BotSays(NotSafeNow, CrisisLines, StayWithYou).IsIn(CheckInStep.SafetyHold)
            .Press("yes").IsIn(CheckInStep.SafetyGrounding)
            .User("done").BotSays(AfterSafetyGrounding).IsIn(CheckInStep.SafetyHold)
            .Press("not-safe").BotSays(NotSafeNow, CrisisLines, StayWithYou)
            .User("I don't know what to do").BotSays(StillHere).IsIn(CheckInStep.SafetyHold);
    }

    [Fact]
    public void NotSafe_Typed_StaysInTheSafetyStep_WithSomethingToAnswer()
    {
        var t = Transcript.Known()
            .User("i want to end my life").BotSays(CrisisCare, CrisisLinesAskCountry, AskSafe)
            .User("I'm not safe").BotSays(NotSafeNow, CrisisLines, StayWithYou).IsIn(CheckInStep.SafetyHold);

        Assert.NotEmpty(t.LastDecision!.Outbox[^1].Choices);
    }

    [Theory]
    [InlineData(RiskLevel.SoftCheck)]
    [InlineData(RiskLevel.Indirect)]
    [InlineData(RiskLevel.Explicit)]
    public void NotSafe_AsTheAnswerToAreYouSafe_IsNotReadAsANewAlarm(RiskLevel screened)
    {
        var holding = new Conversation { Introduced = true, Step = CheckInStep.SafetyHold, HeldFor = RiskLevel.Explicit };

        Assert.Equal(Intent.NotSafe, IntentClassifier.Classify("I'm not safe", null, holding, screened).Intent);
        Assert.Equal(Intent.Crisis, IntentClassifier.Classify("I'm not safe", null, holding with { Step = CheckInStep.Idle }, screened).Intent);
    }

    [Fact]
    public void SetUpRightAfterAFirstCheckIn_DoesNotOfferAnotherCheckInNow()
    {
        var t = Transcript.FirstContact()
            .User("/checkin").Press("mood:okay").Press("skip")
            .Press(SmallSteps.Rest).BotSays(AffirmRest, CloseHonouringEffort, AskConsent)
            .Press("yes").BotSays(AskTimeZone)
            .Press("skip").Press("skip").Press("skip").BotSays(AllSetAfterCheckIn).IsIn(CheckInStep.Idle)
            .NeverSaid(AllSet);

        Assert.DoesNotContain(t.LastDecision!.Outbox.SelectMany(m => m.Choices), c => c.Id == "checkin");
    }

    [Fact]
    public void SetUpAtFirstContact_StillOffersAFirstCheckInNow()
    {
        Transcript.FirstContact()
            .User("hello").BotSays(Welcome, AskConsent)
            .Press("yes").Press("skip").Press("skip").Press("skip").BotSays(AllSet);
    }
}
