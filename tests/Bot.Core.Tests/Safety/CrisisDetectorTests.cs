using Bot.Core.Safety;
using Xunit.Abstractions;

namespace Bot.Core.Tests.Safety;

/// <summary>Recall and false-positive rate over our own labelled utterances (Safety/Data). Printed to the test output and the console.</summary>
public class CrisisDetectorTests(ITestOutputHelper output)
{
    private const double MinimumRecall = 0.97;
    private const double MaximumFalsePositiveRate = 0.03;

    private static string[] Lines(string file) => File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Safety", "Data", file))
        .Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();

    [Fact]
    public void Corpus_IsBigEnough_AndWrittenForUs()
    {
        Assert.True(Lines("risk.txt").Length >= 150);
        Assert.True(Lines("non-risk.txt").Length >= 100);
    }

    [Fact]
    public void RecallAndFalsePositiveRate_MeetTheThresholds()
    {
        var risk = Lines("risk.txt");
        var safe = Lines("non-risk.txt");
        var missed = risk.Where(u => CrisisDetector.Assess(u) == RiskLevel.None).ToArray();
        var falseAlarms = safe.Where(u => CrisisDetector.Assess(u) != RiskLevel.None).ToArray();

        var recall = 1.0 - (double)missed.Length / risk.Length;
        var falsePositiveRate = (double)falseAlarms.Length / safe.Length;
        var report = $"Crisis detector: recall {recall:P1} ({risk.Length - missed.Length}/{risk.Length}), false-positive rate {falsePositiveRate:P1} ({falseAlarms.Length}/{safe.Length})";
        output.WriteLine(report);
        Console.WriteLine(report);
        foreach (var line in missed)
        {
            output.WriteLine($"  missed: {line}");
        }

        foreach (var line in falseAlarms)
        {
            output.WriteLine($"  false alarm ({CrisisDetector.Assess(line)}): {line}");
        }

        Assert.True(recall >= MinimumRecall, report + "\nmissed:\n" + string.Join("\n", missed));
        Assert.True(falsePositiveRate <= MaximumFalsePositiveRate, report + "\nfalse alarms:\n" + string.Join("\n", falseAlarms));
    }

    [Theory]
    [InlineData("i took all my pills", RiskLevel.Imminent)]
    [InlineData("i want to kill myself tonight", RiskLevel.Imminent)]
    [InlineData("i want to kill myself", RiskLevel.Explicit)]
    [InlineData("I WANT TO DIIIIE", RiskLevel.Explicit)]
    [InlineData("su1c1de", RiskLevel.Explicit)]
    [InlineData("i want to unalive myself", RiskLevel.Explicit)]
    [InlineData("kms fr", RiskLevel.Explicit)]
    [InlineData("kms lol this printer", RiskLevel.SoftCheck)]
    [InlineData("i literally want to die of embarrassment", RiskLevel.SoftCheck)]
    [InlineData("not joking lol i want to die", RiskLevel.Explicit)]
    [InlineData("everyone would be better off without me", RiskLevel.Indirect)]
    [InlineData("i can't do this anymore", RiskLevel.Indirect)]
    [InlineData("i'd be doing everyone a favour by not existing", RiskLevel.Indirect)]
    [InlineData("everyone will be better off after this weekend", RiskLevel.Indirect)]
    [InlineData("what's the most painless way to go", RiskLevel.Indirect)]
    [InlineData("i've started scalding myself in the shower on purpose", RiskLevel.Explicit)]
    [InlineData("i hate my life i want to dead", RiskLevel.Explicit)]
    [InlineData("goodbye everyone, i won't see you again", RiskLevel.Imminent)]
    [InlineData("goodbye everyone, see you after the holidays", RiskLevel.None)]
    [InlineData("this is my last message for today, going to bed", RiskLevel.None)]
    [InlineData("that business decision was career suicide", RiskLevel.None)]
    [InlineData("running a marathon without training would be suicide", RiskLevel.Indirect)]
    [InlineData("i cut myself off from toxic people", RiskLevel.None)]
    [InlineData("i cut myself some slack today", RiskLevel.None)]
    [InlineData("i'm going to drive off a cliff this weekend", RiskLevel.Imminent)]
    [InlineData("i'll just stop eating until i die", RiskLevel.Explicit)]
    [InlineData("i hope the plane crashes honestly", RiskLevel.Indirect)]
    [InlineData("i'm not worth saving", RiskLevel.Indirect)]
    [InlineData("the team's defence tonight was suicidal", RiskLevel.None)]
    [InlineData("it'll be over soon, the exam is on friday", RiskLevel.None)]
    [InlineData("since my wife passed i see no reason to continue", RiskLevel.Indirect)]
    [InlineData("my heart is broken and i do not wish to live more", RiskLevel.Explicit)]
    [InlineData("i want finish my life", RiskLevel.Explicit)]
    [InlineData("how do i tie a noose", RiskLevel.Explicit)]
    [InlineData("sh'd again", RiskLevel.Explicit)]
    [InlineData("which bridge is the highest around here", RiskLevel.Indirect)]
    [InlineData("istg i'm going to off myself", RiskLevel.Explicit)]
    [InlineData("it's too late for me", RiskLevel.Indirect)]
    [InlineData("it's just a matter of time now", RiskLevel.Indirect)]
    [InlineData("can you make sure my family knows i loved them", RiskLevel.Indirect)]
    [InlineData("i want to die my hair blue", RiskLevel.None)]
    [InlineData("i'm on the bridge, almost home", RiskLevel.None)]
    [InlineData("it's too late for me to get tickets", RiskLevel.None)]
    [InlineData("googled ways to kill myself last night", RiskLevel.Explicit)]
    [InlineData("i wrote a note just in case", RiskLevel.Indirect)]
    [InlineData("My brother told me about his new job and he was so happy for once. I keep thinking about killing myself and I can't stop.", RiskLevel.Explicit)]
    [InlineData("My brother told me he has been feeling suicidal and I can't stop worrying about him.", RiskLevel.Indirect)]
    [InlineData("my mum doesn't know i've been cutting again", RiskLevel.Explicit)]
    [InlineData("my sister is worried about her friend who is suicidal and doesn't know how to help", RiskLevel.Indirect)]
    [InlineData("feel lik dying", RiskLevel.Indirect)]
    [InlineData("since he died i just want to follow him", RiskLevel.Indirect)]
    [InlineData("i want to join my mum, wherever she is", RiskLevel.Indirect)]
    [InlineData("the pills are in my pocket", RiskLevel.Indirect)]
    [InlineData("i'm writing down who gets what", RiskLevel.Indirect)]
    [InlineData("she doesn't know i've been googling ways to die", RiskLevel.Explicit)]
    [InlineData("i'll be gone before anyone wakes up, early flight", RiskLevel.Indirect)]
    [InlineData("i'm not going to be around much this week, family stuff", RiskLevel.Indirect)]
    [InlineData("i won't be around much longer", RiskLevel.Explicit)]
    [InlineData("this killed me lol", RiskLevel.None)]
    [InlineData("I'm dying to try that", RiskLevel.None)]
    [InlineData("you should kys", RiskLevel.None)]
    [InlineData("i ran 10 kms", RiskLevel.None)]
    [InlineData("let me die", RiskLevel.Explicit)]
    [InlineData("i researched which pills work fastest", RiskLevel.Indirect)]
    [InlineData("one more bad day and i'm ending it", RiskLevel.Indirect)]
    [InlineData("no more tomorrows for me", RiskLevel.Indirect)]
    [InlineData("i'd be doing everyone a favour", RiskLevel.Indirect)]
    [InlineData("i'd be doing everyone a favour by bringing cake", RiskLevel.None)]
    [InlineData("i just want peace forever", RiskLevel.Indirect)]
    [InlineData("i don't think i'll survive the next one", RiskLevel.Indirect)]
    [InlineData("when i was a teen i tried to end it", RiskLevel.Indirect)]
    [InlineData("the dark thoughts are creeping back", RiskLevel.Indirect)]
    [InlineData("in my teens i never thought i'd feel this way but i want to end it", RiskLevel.Indirect)]
    [InlineData("my therapist cancelled and i don't trust myself tonight", RiskLevel.Indirect)]
    [InlineData("i have the pills ready", RiskLevel.Indirect)]
    [InlineData("", RiskLevel.None)]
    [InlineData(null, RiskLevel.None)]
    public void Assess_Tiers(string? text, RiskLevel expected) => Assert.Equal(expected, CrisisDetector.Assess(text));

    [Fact]
    public void Assess_LongRepetitiveText_StillAnswers()
    {
        var noise = string.Concat(Enumerable.Repeat("i want to think about it all ", 400));

        Assert.Equal(RiskLevel.None, CrisisDetector.Assess(noise));
        Assert.Equal(RiskLevel.Explicit, CrisisDetector.Assess("i want to die " + noise));
    }

    [Theory]
    [InlineData("I'm SOOOO tired!!!", " im so tired ")]
    [InlineData("don’t wanna", " dont want to ")]
    [InlineData("s*icide", " suicide ")]
    [InlineData("k i l l", " kil ")]
    [InlineData("I am done", " im done ")]
    [InlineData("feelin lik nothin matters", " feling like nothing maters ")]
    public void Normalize_FoldsCaseApostrophesRepeatsAndSlang(string text, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(text));
}
