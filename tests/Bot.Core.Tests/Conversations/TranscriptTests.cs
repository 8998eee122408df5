using Bot.Core.Conversations;
using Bot.Core.Persistence;
using Bot.Core.Replies;
using static Bot.Core.Replies.ReplyKey;

namespace Bot.Core.Tests.Conversations;

/// <summary>One test per user story, asserting reply keys (never copy).</summary>
public class TranscriptTests
{
    [Fact]
    public void ResistantPersonAcceptsGrounding()
    {
        var t = Transcript.Known()
            .Tick(new Signal.CheckInDue()).BotSays(Opener)
            .User("honestly I don't deserve to be nice to myself").BotSays(ValidateUnworthy, OfferGrounding)
            .Press("yes").BotSays(BreathIntro)
            .Press("next").BotSays(BreathRound)
            .Press("next").BotSays(BreathRound)
            .Press("next").BotSays(BreathRound)
            .Press("next").BotSays(AskShift)
            .Press("yes").BotSays(ShiftNoted, AskForSmallStep)
            .PressOfferedStep().BotSays(AffirmStep, CloseHonouringEffort)
            .Recorded("resistance", "Unworthy")
            .Recorded("grounding", "breathing");

        Assert.Contains(t.History, h => h.Kind == "small-step");
        t.EndsIn(CheckInStep.Closed);
    }

    [Fact]
    public void NotTodayTwice()
    {
        Transcript.Known()
            .Tick(new Signal.CheckInDue()).BotSays(Opener)
            .Press("not-today").BotSays(RespectTheNo)
            .Press("not-today").BotSays(CloseWarmly)
            .Recorded("not-today", "opener")
            .NeverSaid(OfferGrounding)
            .EndsIn(CheckInStep.Closed);
    }

    [Fact]
    public void NotTodayTwice_AcrossSteps_ClosesWarmlyWithoutAThirdOffer()
    {
        Transcript.Known()
            .Tick(new Signal.CheckInDue()).BotSays(Opener)
            .Press("mood:tired").BotSays(AckTired, OfferGrounding)
            .User("not today").BotSays(NoGroundingToday, AskForSmallStep)
            .User("not now").BotSays(CloseWarmly)
            .EndsIn(CheckInStep.Closed);
    }

    [Fact]
    public void MoodBrightSmallStepChosen()
    {
        var t = Transcript.Known()
            .Tick(new Signal.CheckInDue()).BotSays(Opener)
            .Press("mood:bright").BotSays(AckBright, OfferGrounding)
            .Press("skip").BotSays(NoGroundingToday, AskForSmallStep);

        var offered = t.Conversation.OfferedSteps;
        Assert.Equal(3, offered.Length);
        Assert.All(offered, id => Assert.Contains(id, SmallSteps.ByMood["bright"]));
        var buttons = t.LastDecision!.Outbox[^1].Choices.Select(c => c.Id).ToArray();
        Assert.Contains(SmallSteps.Rest, buttons);
        Assert.Contains(SmallSteps.Own, buttons);

        t.PressOfferedStep(1).BotSays(AffirmStep, CloseHonouringEffort)
            .Recorded("mood", "bright")
            .Recorded("small-step", offered[1][5..])
            .EndsIn(CheckInStep.Closed);
    }

    [Fact]
    public void OwnSmallStep_IsRecordedWithTheirWords()
    {
        var t = Transcript.Known()
            .Tick(new Signal.CheckInDue())
            .Press("mood:okay")
            .Press("skip")
            .Press("step:own").BotSays(AskOwnStep)
            .User("water my basil plant").BotSays(AffirmOwnStep, CloseHonouringEffort);

        Assert.Contains(t.History, h => h is { Kind: "small-step", Value: "own", FreeText: "water my basil plant" });
    }

    [Fact]
    public void PersonInCrisisMidGrounding()
    {
        var t = Transcript.Known()
            .Tick(new Signal.CheckInDue()).BotSays(Opener)
            .Press("mood:heavy").BotSays(AckHeavy, OfferGrounding)
            .Press("yes").BotSays(TouchIntro).IsIn(CheckInStep.Grounding)
            .User("honestly i just want to die").BotSays(CrisisCare, CrisisLinesAskCountry, AskSafe).IsIn(CheckInStep.SafetyHold)
            .User("I'm in the UK").BotSays(CrisisLines, AskSafe)
            .Press("safe").BotSays(SafeForNow)
            .Press("yes").BotSays(BreathNoHoldIntro).IsIn(CheckInStep.SafetyGrounding)
            .Press("next").BotSays(BreathNoHoldRound)
            .Press("next").BotSays(BreathNoHoldRound)
            .Press("next").BotSays(BreathNoHoldRound)
            .Press("next").BotSays(AfterSafetyGrounding).IsIn(CheckInStep.SafetyHold)
            .Press("not-today").BotSays(SafetyLeaveOpen)
            .NeverSaid(AskForSmallStep)
            .Recorded("safety", "resources");

        Assert.Equal("GB", t.Person.Country);
        Assert.Contains("116 123", string.Join("\n", AllText(t)), StringComparison.Ordinal);

        // Scheduled check-ins rest for a day after safety mode, then open gently.
        t.Later(TimeSpan.FromHours(2)).Tick(new Signal.CheckInDue()).BotSaysNothing();
        t.Later(TimeSpan.FromDays(1)).Tick(new Signal.CheckInDue()).BotSays(OpenerAfterHardDay);
    }

    [Fact]
    public void CrisisThenGroundingThenSafe_NeverReachesTheSmallStep()
    {
        Transcript.Known(country: "US")
            .Tick(new Signal.CheckInDue())
            .Press("mood:tired")
            .Press("yes")
            .User("i'm going to kill myself").BotSays(CrisisCare, CrisisLines, AskSafe)
            .Press("yes")
            .Press("done").BotSays(AfterSafetyGrounding)
            .Press("safe").BotSays(SafeForNow)
            .User("ok").BotSays(BreathNoHoldIntro)
            .Press("skip").BotSays(AfterSafetyGrounding)
            .NeverSaid(AskForSmallStep)
            .IsIn(CheckInStep.SafetyHold);
    }

    [Fact]
    public void FalseAlarm_LightCheck_ReturnsToWhereTheyWere()
    {
        Transcript.Known()
            .Tick(new Signal.CheckInDue()).BotSays(Opener)
            .User("ugh kms this printer lol").BotSays(SoftCheck).IsIn(CheckInStep.SafetyHold)
            .Press("misread").BotSays(FalseAlarm, Opener).IsIn(CheckInStep.Opened)
            .Press("mood:okay").BotSays(AckOkay, OfferGrounding)
            .Recorded("safety", "false-alarm");
    }

    [Fact]
    public void FalseAlarm_DirectCheck_ClosesGentlyAndOffersAFreshCheckIn()
    {
        Transcript.Known()
            .Tick(new Signal.CheckInDue())
            .Press("mood:tired")
            .User("I can't do this anymore").BotSays(CheckDirectly).IsIn(CheckInStep.SafetyHold)
            .User("no, not like that").BotSays(FalseAlarmOffer).IsIn(CheckInStep.Closed)
            .Press("checkin").BotSays(Opener);

        Transcript.Known()
            .User("I can't do this anymore").BotSays(CheckDirectly)
            .Press("misread").BotSays(FalseAlarmOffer)
            .Press("later").BotSays(SeeYouLater).IsIn(CheckInStep.Closed);
    }

    [Fact]
    public void DirectCheck_AnsweredYes_GivesFullCrisisCare()
    {
        Transcript.Known()
            .User("everyone would be better off without me").BotSays(CheckDirectly)
            .Press("risk:sometimes").BotSays(CrisisCare, CrisisLinesAskCountry, AskSafe)
            .Press("not-safe").BotSays(NotSafeNow, CrisisLines, StayWithYou);
    }

    [Theory]
    [InlineData("this week killed me lol")]
    [InlineData("I'm dying to try that new ramen place")]
    [InlineData("the suspense is killing me")]
    [InlineData("my phone died again, great start")]
    public void FigureOfSpeech_IsAcknowledgedNormally(string text)
    {
        Transcript.Known()
            .Tick(new Signal.CheckInDue())
            .User(text).BotSays(AckOwnWords, OfferGrounding).IsIn(CheckInStep.OfferingGrounding)
            .NeverSaid(CrisisCare).NeverSaid(SoftCheck).NeverSaid(CheckDirectly);
    }

    [Fact]
    public void StopInTheMiddle()
    {
        var t = Transcript.Known()
            .Tick(new Signal.CheckInDue())
            .Press("mood:steady")
            .Press("yes").IsIn(CheckInStep.Grounding)
            .User("stop").BotSays(PausedConfirmed).IsIn(CheckInStep.Paused);
        Assert.Equal(ScheduleChange.Pause, t.LastDecision!.Schedule);

        t.Later(TimeSpan.FromDays(1)).Tick(new Signal.CheckInDue()).BotSaysNothing()
            .User("hello?").BotSays(PausedHint)
            .User("/resume").BotSays(Resumed).IsIn(CheckInStep.Idle);
        Assert.Equal(ScheduleChange.Resume, t.LastDecision!.Schedule);

        t.Later(TimeSpan.FromDays(1)).Tick(new Signal.CheckInDue()).BotSays(Opener);
    }

    [Fact]
    public void ReturnAfterAWeekAway_WelcomedWithoutGuilt()
    {
        var t = Transcript.Known()
            .Tick(new Signal.CheckInDue()).Press("not-today").Press("not-today")
            .Later(TimeSpan.FromDays(8))
            .Tick(new Signal.CheckInDue()).BotSays(OpenerWelcomeBack)
            .Press("mood:okay").BotSays(AckOkay, OfferGrounding);

        var guilt = new[] { "missed", "days", "week", "since", "streak", "been a while", "where have you", "finally", "behind", "catch up on" };
        foreach (var variant in ReplyCatalog.English[OpenerWelcomeBack].Variants)
        {
            Assert.DoesNotContain(guilt, g => variant.Contains(g, StringComparison.OrdinalIgnoreCase));
        }

        Assert.Equal(2, t.Conversation.CheckInCount);
    }

    [Fact]
    public void FirstContact_SaysWhatItIs_AsksConsentTimeZoneTimeAndCountry()
    {
        var t = Transcript.FirstContact()
            .User("hi").BotSays(Welcome, AskConsent).IsIn(CheckInStep.AskingConsent)
            .Press("yes").BotSays(AskTimeZone)
            .User("Mars/Olympus_Mons").BotSays(TimeZoneNotRecognised).IsIn(CheckInStep.AskingTimeZone)
            .User("berlin").BotSays(TimeZoneSaved, AskTime);
        Assert.Equal("Europe/Berlin", t.Person.TimeZone);

        t.User("7pm").BotSays(TimeSaved, AskCountry);
        Assert.Equal(new CheckInPreference(true, new TimeOnly(19, 0)), t.LastDecision!.CheckIns);

        t.User("Germany").BotSays(CountrySaved, AllSet).IsIn(CheckInStep.Idle);
        Assert.Equal("DE", t.Person.Country);

        t.Press("checkin").BotSays(Opener);
    }

    [Fact]
    public void FirstContact_Defaults_AndDeclinedConsent()
    {
        var t = Transcript.FirstContact()
            .User("/start").BotSays(Welcome, AskConsent)
            .Press("yes")
            .Press("skip").BotSays(TimeZoneDefault, AskTime)
            .Press("skip").BotSays(TimeDefault, AskCountry)
            .Press("skip").BotSays(AllSet);
        Assert.Equal("UTC", t.Person.TimeZone);
        Assert.Equal("19:00", t.Conversation.CheckInTime);

        var declined = Transcript.FirstContact().User("hello there").BotSays(Welcome, AskConsent).Press("no").BotSays(ConsentDeclined);
        Assert.Equal(new CheckInPreference(false, null), declined.LastDecision!.CheckIns);
    }

    [Fact]
    public void FirstContact_WithCheckIn_ChecksInRightAway_ThenAsksAboutScheduledOnes()
    {
        Transcript.FirstContact()
            .User("/checkin").BotSays(Welcome, Opener).IsIn(CheckInStep.Opened)
            .Press("mood:okay").BotSays(AckOkay, OfferGrounding)
            .Press("skip").BotSays(NoGroundingToday, AskForSmallStep)
            .Press(SmallSteps.Rest).BotSays(AffirmRest, CloseHonouringEffort, AskConsent).IsIn(CheckInStep.AskingConsent)
            .Press("yes").BotSays(AskTimeZone)
            .Tick(new Signal.CheckInDue()).BotSaysNothing();

        Transcript.FirstContact()
            .User("/checkin").Press("not-today").Press("not-today").BotSays(CloseWarmly, AskConsent)
            .Press("no").BotSays(ConsentDeclined).IsIn(CheckInStep.Idle)
            .User("/checkin").Press("not-today").Press("not-today").BotSays(CloseWarmly);
    }

    [Fact]
    public void FirstContact_WithHelp_AnswersWithHelp_WhichSaysWhatItIs()
    {
        Transcript.FirstContact()
            .User("/help").BotSays(Help)
            .User("hi").BotSays(IdleHint)
            .User("/checkin").BotSays(Opener);
    }

    [Fact]
    public void Country_IsAskedOnce_ThenTheInternationalDirectoryIsEnough()
    {
        Transcript.Known()
            .User("i want to end my life").BotSays(CrisisCare, CrisisLinesAskCountry, AskSafe)
            .Press("safe").BotSays(SafeForNow)
            .Press("not-today").BotSays(SafetyLeaveOpen)
            .Later(TimeSpan.FromDays(2))
            .User("i want to end my life").BotSays(CrisisCare, CrisisLines, AskSafe);

        Transcript.FirstContact()
            .User("hi").Press("yes").Press("skip").Press("skip").BotSays(TimeDefault, AskCountry)
            .Press("skip").BotSays(AllSet)
            .User("i'm suicidal").BotSays(CrisisCare, CrisisLines, AskSafe);
    }

    [Fact]
    public void FirstContact_InCrisis_GetsCareFirst()
    {
        Transcript.FirstContact()
            .User("i want to end my life").BotSays(CrisisCare, CrisisLinesAskCountry, AskSafe)
            .NeverSaid(Welcome);
    }

    [Fact]
    public void UnclearTwice_ReAsksOnceThenClosesGently()
    {
        var t = Transcript.Known()
            .Tick(new Signal.CheckInDue())
            .Press("bogus-button").BotSays(ReAsk);
        Assert.Equal(ReplyCatalog.English[Opener].Choices, t.LastDecision!.Outbox[0].Choices);
        t.User("???").BotSays(GentleClose).EndsIn(CheckInStep.Closed);
    }

    [Fact]
    public void ReplyTimedOut_ClosesQuietly()
    {
        Transcript.Known()
            .Tick(new Signal.CheckInDue())
            .Press("mood:okay")
            .Tick(new Signal.ReplyTimedOut()).BotSaysNothing().EndsIn(CheckInStep.Closed);
    }

    [Fact]
    public void Help_InTheMiddle_KeepsThePlace()
    {
        Transcript.Known()
            .Tick(new Signal.CheckInDue())
            .Press("mood:okay")
            .User("/help").BotSays(Help).IsIn(CheckInStep.OfferingGrounding)
            .Press("yes").IsIn(CheckInStep.Grounding);
    }

    [Fact]
    public void Sos_FromAnywhere_ShowsHumanHelp()
    {
        Transcript.Known(country: "AU")
            .User("/sos").BotSays(SosCare, CrisisLines, AskSafe).IsIn(CheckInStep.SafetyHold);
    }

    [Fact]
    public void SelfLabel_GetsAReframeQuotingTheLabel()
    {
        var t = Transcript.Known()
            .Tick(new Signal.CheckInDue())
            .User("ugh I'm just so lazy").BotSays(ReframeSelfLabel, OfferGrounding);
        Assert.Contains("lazy", t.LastDecision!.Outbox[0].Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(GroundingExercise.Naming, t.Conversation.Exercise);
    }

    [Fact]
    public void BodyResistsTheHold_DropsItAndRemembers()
    {
        var t = Transcript.Known()
            .Tick(new Signal.CheckInDue())
            .Press("mood:tired")
            .Press("yes").BotSays(BreathIntro)
            .Press("next").BotSays(BreathRound)
            .User("holding my breath makes me panicky").BotSays(DropTheHold, BreathNoHoldRound);
        Assert.True(t.Conversation.NoBreathHold);

        t.Press("done").BotSays(AskShift).Press("no").Press(SmallSteps.Rest).BotSays(AffirmRest, CloseHonouringEffort)
            .Later(TimeSpan.FromDays(1)).Tick(new Signal.CheckInDue())
            .Press("mood:tired").Press("yes").BotSays(BreathNoHoldIntro);
    }

    [Fact]
    public void SkippedBefore_MovesToTheBackNextTime()
    {
        var t = Transcript.Known()
            .Tick(new Signal.CheckInDue())
            .Press("mood:heavy");
        Assert.Equal(GroundingExercise.SoothingTouch, t.Conversation.Exercise);

        t.Press("skip").Recorded("grounding", "skipped-soothing-touch").Press(SmallSteps.Rest)
            .Later(TimeSpan.FromDays(1)).Tick(new Signal.CheckInDue())
            .Press("mood:heavy");
        Assert.Equal(GroundingExercise.Naming, t.Conversation.Exercise);
    }

    [Fact]
    public void SomethingElse_OffersADifferentExercise_AndNamingEchoesTheFeeling()
    {
        var t = Transcript.Known()
            .Tick(new Signal.CheckInDue())
            .Press("mood:okay")
            .Press("other").BotSays(BreathIntro)
            .Press("other").BotSays(PmrIntro)
            .Press("next").BotSays(PmrToes)
            .Press("next").BotSays(PmrLegs)
            .Press("next").BotSays(PmrHands)
            .Press("next").BotSays(PmrShoulders)
            .Press("next").BotSays(PmrFace)
            .Press("next").BotSays(AskShift)
            .Recorded("grounding", "muscle-relaxation");
        Assert.Equal(CheckInStep.Noticing, t.Conversation.Step);

        var naming = Transcript.Known()
            .Tick(new Signal.CheckInDue())
            .Press("mood:bright")
            .Press("yes").BotSays(NamingAsk)
            .User("restless").BotSays(NamedFeeling, AskShift);
        Assert.Contains("restless", naming.LastDecision!.Outbox[0].Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ScheduledCheckIn_DoesNotInterruptAConversationInProgress()
    {
        Transcript.Known()
            .Tick(new Signal.CheckInDue())
            .Press("mood:okay")
            .Later(TimeSpan.FromMinutes(5))
            .Tick(new Signal.CheckInDue()).BotSaysNothing()
            .IsIn(CheckInStep.OfferingGrounding);
    }

    private static IEnumerable<string> AllText(Transcript t) => t.LastDecision is null ? [] : t.LastDecision.Outbox.Select(m => m.Text);
}
