using Bot.Core.Conversations;

namespace Bot.Core.Tests.Conversations;

public class IntentClassifierTests
{
    private static readonly Conversation Opened = new() { Introduced = true, Step = CheckInStep.Opened };

    [Theory]
    [InlineData("heavy", Intent.Mood, "heavy")]
    [InlineData("Pretty tired today", Intent.Mood, "tired")]
    [InlineData("ok", Intent.Mood, "okay")]
    [InlineData("Not today!", Intent.NotToday, "not-today")]
    [InlineData("nope", Intent.NotToday, "not-today")]
    [InlineData("I feel guilty even taking 5 minutes", Intent.Resistance, "Guilt")]
    [InlineData("this is so cringe", Intent.Resistance, "Awkward")]
    [InlineData("I'm such a failure", Intent.Resistance, "SelfLabel:a failure")]
    [InlineData("the voice in my head won't shut up", Intent.Resistance, "Critic")]
    [InlineData("whatever, this doesn't work for me", Intent.Resistance, "Sceptical")]
    [InlineData("my week was long but my sister visited", Intent.Shared, null)]
    [InlineData("i want to die", Intent.Crisis, "Explicit")]
    [InlineData("/checkin", Intent.CheckIn, null)]
    [InlineData("/CheckIn@CompassionBot", Intent.CheckIn, null)]
    [InlineData("/frobnicate", Intent.UnknownCommand, null)]
    [InlineData("pause", Intent.Stop, null)]
    [InlineData("Please stop.", Intent.Stop, null)]
    [InlineData("no more check-ins", Intent.Stop, null)]
    [InlineData("SOS", Intent.Sos, null)]
    [InlineData("i need help", Intent.Sos, null)]
    [InlineData("...", Intent.Unclear, null)]
    public void Classify_InTheOpener(string text, Intent intent, string? value)
    {
        var said = IntentClassifier.Classify(text, null, Opened);

        Assert.Equal(intent, said.Intent);
        Assert.Equal(value, said.Value);
    }

    [Theory]
    [InlineData("I haven't earned a break yet", "Unworthy")]
    [InlineData("wasted the whole day again", "Guilt")]
    [InlineData("hand on my heart feels fake", "Awkward")]
    [InlineData("just empty tbh", "Numb")]
    [InlineData("breathing won't pay my rent", "Sceptical")]
    [InlineData("I'm so weak", "SelfLabel:weak")]
    [InlineData("I'll never get it together", "SelfLabel:never getting it together")]
    [InlineData("so overwhelmed I'm frozen", "Overwhelmed")]
    [InlineData("tough love is the only thing that works on me", "FearOfSoftness")]
    [InlineData("my brain keeps telling me I'm garbage", "SelfLabel:garbage")]
    [InlineData("it's a loop of everything I did wrong", "Critic")]
    [InlineData("if I let myself feel it I'll fall apart", "FearOfFeeling")]
    [InlineData("counting breaths makes it worse", "BodyResists")]
    [InlineData("everyone else manages fine", "Alone")]
    [InlineData("self-care is selfish", "Selfish")]
    [InlineData("go away, you're a bot", "AtTheBot")]
    public void Classify_ResistanceTaxonomy(string text, string expected)
    {
        var said = IntentClassifier.Classify(text, null, Opened);

        Assert.Equal(Intent.Resistance, said.Intent);
        Assert.Equal(expected, said.Value);
    }

    [Fact]
    public void EveryResistanceKind_HasCuesAndAValidationWithCopy()
    {
        foreach (var kind in Enum.GetValues<ResistanceKind>())
        {
            Assert.True(kind == ResistanceKind.SelfLabel || ResistanceLexicon.Cues.Any(c => c.Kind == kind), $"{kind} has no cues");
            Assert.NotEmpty(Bot.Core.Replies.ReplyCatalog.English[CheckInEngine.ValidationFor(kind)].Variants);
        }
    }

    [Theory]
    [InlineData("numb", Intent.Feeling, "feel:numbness")]
    [InlineData("sadness", Intent.Feeling, "feel:sadness")]
    [InlineData("restless", Intent.Feeling, null)]
    [InlineData("this is stupid", Intent.Resistance, "Sceptical")]
    [InlineData("skip", Intent.Skip, null)]
    public void Classify_WhileNamingWhatIsHere(string text, Intent intent, string? value)
    {
        var said = IntentClassifier.Classify(text, null, new Conversation { Introduced = true, Step = CheckInStep.Grounding, Exercise = GroundingExercise.Naming, Beat = 1 });

        Assert.Equal(intent, said.Intent);
        Assert.Equal(value, said.Value);
    }

    [Fact]
    public void Crisis_IsCheckedBeforeButtonsAndCommands()
    {
        Assert.Equal(Intent.Crisis, IntentClassifier.Classify("/checkin i want to kill myself", null, Opened).Intent);
        Assert.Equal(Intent.Crisis, IntentClassifier.Classify("kms", "mood:okay", Opened).Intent);
    }

    [Theory]
    [InlineData("Europe/Berlin", Intent.TimeZone, "Europe/Berlin")]
    [InlineData("europe/berlin", Intent.TimeZone, "Europe/Berlin")]
    [InlineData("new york", Intent.TimeZone, "America/New_York")]
    [InlineData("Tokyo", Intent.TimeZone, "Asia/Tokyo")]
    [InlineData("utc", Intent.Skip, null)]
    [InlineData("Narnia/Lamppost", Intent.BadTimeZone, null)]
    [InlineData("UTC+2", Intent.BadTimeZone, null)]
    public void Classify_TimeZones(string text, Intent intent, string? value)
    {
        var said = IntentClassifier.Classify(text, null, new Conversation { Introduced = true, Step = CheckInStep.AskingTimeZone });

        Assert.Equal(intent, said.Intent);
        Assert.Equal(value, said.Value);
    }

    [Theory]
    [InlineData("08:30", "08:30")]
    [InlineData("7pm", "19:00")]
    [InlineData("7:15 am", "07:15")]
    [InlineData("12am", "00:00")]
    [InlineData("19h", "19:00")]
    [InlineData("evening", "19:00")]
    public void Classify_Times(string text, string expected)
    {
        var said = IntentClassifier.Classify(text, null, new Conversation { Introduced = true, Step = CheckInStep.AskingTime });

        Assert.Equal(Intent.TimeOfDay, said.Intent);
        Assert.Equal(expected, said.Value);
    }

    [Theory]
    [InlineData("25:00")]
    [InlineData("13pm")]
    [InlineData("whenever the moon is full")]
    public void Classify_BadTimes(string text) =>
        Assert.Equal(Intent.BadTime, IntentClassifier.Classify(text, null, new Conversation { Introduced = true, Step = CheckInStep.AskingTime }).Intent);

    [Theory]
    [InlineData("UK", "GB")]
    [InlineData("I'm in Germany", "DE")]
    [InlineData("méxico", "MX")]
    [InlineData("usa", "US")]
    public void Classify_Countries(string text, string code)
    {
        var said = IntentClassifier.Classify(text, null, new Conversation { Introduced = true, Step = CheckInStep.AskingCountry });

        Assert.Equal(Intent.Country, said.Intent);
        Assert.Equal(code, said.Value);
    }

    [Theory]
    [InlineData("that's not what I meant", Intent.Misread)]
    [InlineData("I'm safe", Intent.Safe)]
    [InlineData("no", Intent.NotSafe)]
    public void Classify_InSafetyHoldAfterAskingIfSafe(string text, Intent intent) =>
        Assert.Equal(intent, IntentClassifier.Classify(text, null, new Conversation { Introduced = true, Step = CheckInStep.SafetyHold, HeldFor = Bot.Core.Safety.RiskLevel.Explicit }).Intent);

    [Theory]
    [InlineData("no", Intent.Misread)]
    [InlineData("i'm fine", Intent.Misread)]
    [InlineData("sometimes", Intent.Crisis)]
    public void Classify_InSafetyHoldAfterADirectQuestion(string text, Intent intent) =>
        Assert.Equal(intent, IntentClassifier.Classify(text, null, new Conversation { Introduced = true, Step = CheckInStep.SafetyHold, HeldFor = Bot.Core.Safety.RiskLevel.Indirect }).Intent);
}
