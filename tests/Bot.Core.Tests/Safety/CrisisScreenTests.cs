using Bot.Core.Safety;

namespace Bot.Core.Tests.Safety;

/// <summary>How the lexicon and the model are combined, with a stand-in model that places a text by one marker word.</summary>
public sealed class CrisisScreenTests
{
    private static readonly CrisisScreen Screen = new(new SemanticRiskTier(
        new MarkerEmbedder(),
        new CrisisPrototypes(new() { ["risk"] = ["riskmarker"] }, new() { ["safe"] = ["safemarker"] })));

    [Theory]
    [InlineData("i want to kill myself riskmarker", RiskLevel.Explicit)]
    [InlineData("i want to kill myself safemarker", RiskLevel.Indirect)]
    [InlineData("killing myself is all i think about safemarker", RiskLevel.None)]
    [InlineData("killing myself is all i think about halfmarker", RiskLevel.Indirect)]
    [InlineData("everything feels hopeless today halfmarker", RiskLevel.Indirect)]
    [InlineData("everything feels hopeless today riskmarker", RiskLevel.Indirect)]
    [InlineData("everything feels hopeless today safemarker", RiskLevel.None)]
    [InlineData("i took all my pills safemarker", RiskLevel.Imminent)]
    [InlineData("kms safemarker", RiskLevel.Explicit)]
    [InlineData("nothing in the lexicon here riskmarker", RiskLevel.Indirect)]
    [InlineData("nothing in the lexicon here safemarker", RiskLevel.None)]
    public void TheModelOverrulesALexiconPhrase_OnlyDownwards_AndNeverAnImminentOne_AndBacksEveryUrgentResponse(string text, RiskLevel expected) =>
        Assert.Equal(expected, Screen.Assess(text));

    [Theory]
    [InlineData("i feel suicidal halfmarker", RiskLevel.Explicit)]
    [InlineData("i feel suicidal safemarker", RiskLevel.Indirect)]
    [InlineData("lol im so suicidal safemarker", RiskLevel.Indirect)]
    [InlineData("ive been hurting myself again safemarker", RiskLevel.Indirect)]
    [InlineData("being suicidal is exhausting halfmarker", RiskLevel.Indirect)]
    [InlineData("being suicidal is exhausting safemarker", RiskLevel.None)]
    public void APersonSayingItOfThemselves_IsNeverDropped_OnTheModelsWord(string text, RiskLevel expected) =>
        Assert.Equal(expected, Screen.Assess(text));

    [Theory]
    [InlineData("i feel suicidal", true)]
    [InlineData("honestly im so suicidal lately", true)]
    [InlineData("i just want to die lol", true)]
    [InlineData("ive been cutting myself again", true)]
    [InlineData("i dont feel suicidal", false)]
    [InlineData("im not suicidal, just tired", false)]
    [InlineData("the form asks if you are suicidal", false)]
    [InlineData("this merger plan is politically suicidal", false)]
    public void FirstPerson_IsOnlyAPersonSayingItOfThemselves(string text, bool expected) =>
        Assert.Equal(expected, CrisisDetector.Read(text).FirstPerson);

    [Theory]
    [InlineData("my therapist asked if I was suicidal", RiskLevel.Indirect)]
    [InlineData("my therapist asked if I was suicidal and I said yes", RiskLevel.Explicit)]
    [InlineData("I used to self harm, years ago", RiskLevel.Indirect)]
    [InlineData("I used to self harm and now it's back", RiskLevel.Explicit)]
    [InlineData("I told the nurse I wasn't suicidal but I am", RiskLevel.Explicit)]
    [InlineData("i've been self harm free for a year but i really want to do it tonight", RiskLevel.Imminent)]
    [InlineData("ten years ago i tried to kill myself and today i feel exactly the same", RiskLevel.Imminent)]
    [InlineData("back in school i wanted to die and honestly nothing has changed", RiskLevel.Explicit)]
    [InlineData("years ago i tried to take my own life and i'm so grateful i'm still here", RiskLevel.Indirect)]
    [InlineData("i used to self harm as a teenager, i'm doing okay these days", RiskLevel.Indirect)]
    [InlineData("i wanted to die when i was 16 but i'm okay now", RiskLevel.Indirect)]
    public void ADistancingFrameTakenBack_DistancesNothing(string text, RiskLevel expected) =>
        Assert.Equal(expected, CrisisDetector.Assess(text));

    [Theory]
    [InlineData("my therapist says i'm in recovery but i want to disappear for good safemarker", RiskLevel.Indirect)]
    [InlineData("i used to be suicidal, now i'm planning it properly safemarker", RiskLevel.Indirect)]
    [InlineData("i used to be suicidal, now i'm planning it properly riskmarker", RiskLevel.Explicit)]
    [InlineData("i want to disappear for good safemarker", RiskLevel.None)]
    public void APhraseWhoseFrameWasTakenBack_IsNotOverruledByTheModel(string text, RiskLevel expected) =>
        Assert.Equal(expected, Screen.Assess(text));

    [Theory]
    [InlineData("i'm not suicidal but i've been thinking a lot about how i would do it safemarker", RiskLevel.Indirect)]
    [InlineData("the nurse said i'm low risk but i've written my note safemarker", RiskLevel.Imminent)]
    [InlineData("everyone says i'm not the suicidal type but i have the pills ready safemarker", RiskLevel.Indirect)]
    [InlineData("safemarker: the form asked if i had a plan and honestly i do", RiskLevel.Indirect)]
    [InlineData("that film made me realise i want to die too safemarker", RiskLevel.Indirect)]
    [InlineData("my friend asked if i was okay and i told her i want to kill myself safemarker", RiskLevel.Indirect)]
    [InlineData("my friend posted that she's been feeling suicidal, how do i help safemarker", RiskLevel.None)]
    [InlineData("i'm not suicidal, i'm just exhausted and need a holiday safemarker", RiskLevel.None)]
    [InlineData("the form asked if i had thoughts of self harm and i ticked no safemarker", RiskLevel.None)]
    public void ADenialOrAnotherVoice_ThenMyOwnPresent_IsAskedAbout(string text, RiskLevel expected) =>
        Assert.Equal(expected, Screen.Assess(text));

    [Theory]
    [InlineData("i was in a really dark place years ago, therapy helped riskmarker", RiskLevel.None)]
    [InlineData("ten years clean from cutting and proud of it riskmarker", RiskLevel.None)]
    [InlineData("i was in a really dark place years ago and lately it's coming back riskmarker", RiskLevel.Indirect)]
    [InlineData("i used to be happy and now nothing matters riskmarker", RiskLevel.Indirect)]
    [InlineData("looking back my whole life has been pain riskmarker", RiskLevel.Indirect)]
    [InlineData("everyone in high school hates me riskmarker", RiskLevel.Indirect)]
    public void AModelHit_OnRiskToldAsLongOver_IsSetAside_UnlessItIsBroughtIntoThePresent(string text, RiskLevel expected) =>
        Assert.Equal(expected, Screen.Assess(text));

    [Theory]
    [InlineData("i just wnat to end my lfie now lol 💀", "i just want to end my life now")]
    [InlineData("gonna tak all my pils tonight haha", "going to take all my pills tonight")]
    [InlineData("i feel suiciadl", "i feel suicidal")]
    [InlineData("feelin lik nothin matters rly", "feeling like nothing matters really")]
    [InlineData("All of it went well, I feel ill but see you tomorrow", "All of it went well, I feel ill but see you tomorrow")]
    public void ModelText_SpellsTheKeyWordsRight_AndTakesLaughterOut(string text, string expected) =>
        Assert.Equal(expected, ModelText.Prepare(text));

    [Theory]
    [InlineData("a bit better", 0)]
    [InlineData("A bit better.", 0)]
    [InlineData("about the same", 0)]
    [InlineData("a bit better than last week, honestly", 1)]
    [InlineData("/checkin a bit better", 0)]
    public void ATypedButtonLabel_IsReadByTheLexiconOnly(string text, int modelCalls)
    {
        var embedder = new MarkerEmbedder();
        var screen = new CrisisScreen(new SemanticRiskTier(embedder, new CrisisPrototypes(new() { ["risk"] = ["riskmarker"] }, new() { ["safe"] = ["safemarker"] })));
        var before = embedder.Calls;

        screen.Read(text);

        Assert.Equal(modelCalls, embedder.Calls - before);
    }

    /// <summary>"riskmarker" points one way, "safemarker" the other, "halfmarker" halfway, anything else nearer the safe one.</summary>
    private sealed class MarkerEmbedder : ISentenceEmbedder
    {
        public int Calls { get; private set; }

        public float[][] Embed(IReadOnlyList<string> texts) =>
        [
            .. texts.Select(t => { Calls++; return t; }).ToArray().Select(t => t.Contains("riskmarker", StringComparison.Ordinal) ? new[] { 1f, 0f }
                : t.Contains("safemarker", StringComparison.Ordinal) ? new[] { 0f, 1f }
                : t.Contains("halfmarker", StringComparison.Ordinal) ? new[] { 0.7071068f, 0.7071068f }
                : new[] { 0.6f, 0.8f }),
        ];
    }
}
