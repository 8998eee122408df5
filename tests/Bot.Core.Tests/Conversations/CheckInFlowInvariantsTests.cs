using Bot.Core.Conversations;
using Bot.Core.Replies;
using Bot.Core.Safety;

namespace Bot.Core.Tests.Conversations;

public class CheckInFlowInvariantsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 19, 0, 0, TimeSpan.Zero);

    public static TheoryData<CheckInStep> AllSteps()
    {
        var data = new TheoryData<CheckInStep>();
        foreach (var step in Enum.GetValues<CheckInStep>())
        {
            data.Add(step);
        }

        return data;
    }

    /// <summary>A plausible conversation in each step (mid-exercise for grounding steps, steps offered for choosing).</summary>
    internal static Conversation In(CheckInStep step) => new()
    {
        Step = step,
        Introduced = true,
        ConsentAsked = true,
        Mood = "okay",
        Exercise = step is CheckInStep.Grounding or CheckInStep.SafetyGrounding ? GroundingExercise.Breathing : GroundingExercise.None,
        Beat = step is CheckInStep.Grounding or CheckInStep.SafetyGrounding ? 2 : 0,
        OfferedSteps = step == CheckInStep.ChoosingStep ? SmallSteps.Offer("okay", 0) : [],
        CheckInsPaused = step == CheckInStep.Paused,
        HeldFor = CheckInFlow.IsSafety(step) ? RiskLevel.Explicit : null,
        HeldFrom = CheckInFlow.IsSafety(step) ? CheckInStep.Opened : null,
    };

    [Theory]
    [MemberData(nameof(AllSteps))]
    public void EveryStep_HandlesCrisis(CheckInStep step)
    {
        var turn = CheckInEngine.Advance(In(step), IntentClassifier.Classify("i want to kill myself", null, In(step)), Now);

        Assert.Equal(CheckInStep.SafetyHold, turn.Next.Step);
        Assert.Contains(turn.Say, u => u.Key is ReplyKey.CrisisLines or ReplyKey.CrisisLinesAskCountry);
        Assert.Contains(turn.Say, u => u.Key == ReplyKey.AskSafe);
    }

    [Theory]
    [MemberData(nameof(AllSteps))]
    public void EveryStep_HandlesStop(CheckInStep step)
    {
        foreach (var text in new[] { "/stop", "stop", "/pause", "Pause" })
        {
            var turn = CheckInEngine.Advance(In(step), IntentClassifier.Classify(text, null, In(step)), Now);

            Assert.Equal(CheckInStep.Paused, turn.Next.Step);
            Assert.True(turn.Next.CheckInsPaused);
            Assert.Contains(turn.Effects, e => e is Effect.PauseCheckIns);
        }
    }

    [Theory]
    [MemberData(nameof(AllSteps))]
    public void EveryStep_HandlesHelp_AndStaysPut(CheckInStep step)
    {
        var turn = CheckInEngine.Advance(In(step), IntentClassifier.Classify("/help", null, In(step)), Now);

        Assert.Equal([ReplyKey.Help], turn.Say.Select(u => u.Key));
        Assert.Equal(step, turn.Next.Step);
    }

    [Theory]
    [MemberData(nameof(AllSteps))]
    public void EveryStep_HandlesUnclear_WithoutLoopingForever(CheckInStep step)
    {
        var conversation = In(step);
        var unclear = new Signal.UserSaid(Intent.Unclear);
        for (var i = 0; i < 3; i++)
        {
            var turn = CheckInEngine.Advance(conversation, unclear, Now);
            Assert.NotEmpty(turn.Say);
            conversation = turn.Next;
        }

        // Three unclear answers later, the person is resting, paused, or still held safely; never stuck mid-flow.
        Assert.True(CheckInFlow.IsResting(conversation.Step) || conversation.Step == CheckInStep.SafetyHold, $"{step} -> {conversation.Step}");
    }

    [Theory]
    [MemberData(nameof(AllSteps))]
    public void EveryStep_HasAWayOut_NoDeadEnds(CheckInStep step)
    {
        // From every step, some answer the person can give (a row, or a button) leads somewhere else.
        var rows = CheckInFlow.Table.Where(r => r.From == step && r.To is { } to && to != step).ToArray();
        var leaves = rows.Length > 0 || step is CheckInStep.Idle or CheckInStep.Closed or CheckInStep.Paused or CheckInStep.Grounding or CheckInStep.SafetyGrounding
            || CheckInFlow.IsFeatureOwned(step);
        Assert.True(leaves, $"{step} has no row leading elsewhere");

        // And /checkin always starts a fresh check-in; /resume always leaves Paused.
        Assert.Equal(CheckInStep.Opened, CheckInEngine.Advance(In(step), new Signal.UserSaid(Intent.CheckIn), Now).Next.Step);
        Assert.NotEqual(CheckInStep.Paused, CheckInEngine.Advance(In(step), new Signal.UserSaid(Intent.Resume), Now).Next.Step);
    }

    [Fact]
    public void EveryStep_IsReachable()
    {
        var targets = CheckInFlow.Table.Where(r => r.To is not null).Select(r => r.To!.Value).ToHashSet();
        targets.Add(CheckInStep.Idle);
        targets.Add(CheckInStep.Noticing);
        targets.UnionWith(Enum.GetValues<CheckInStep>().Where(CheckInFlow.IsFeatureOwned));
        Assert.All(Enum.GetValues<CheckInStep>(), step => Assert.Contains(step, targets));
    }

    [Fact]
    public void EveryRow_HasKnownSteps_AndEveryActionIsHandled()
    {
        foreach (var row in CheckInFlow.Table)
        {
            var from = row.From ?? CheckInStep.Opened;
            var said = new Signal.UserSaid(row.On, SampleValue(row.On), "some words");
            var turn = CheckInEngine.Advance(In(from), said, Now);
            Assert.NotNull(turn.Next);
        }
    }

    [Fact]
    public void EveryFlowAction_IsOneNamedActionInTheEngine()
    {
        var named = CheckInEngine.Actions.Select(a => a.Act).ToArray();
        Assert.Equal(named.Length, named.Distinct().Count());
        Assert.All(Enum.GetValues<FlowAction>(), act => Assert.Contains(act, named));
    }

    [Fact]
    public void EveryWaitingStep_HasAPrompt_ForReAsking()
    {
        foreach (var step in Enum.GetValues<CheckInStep>().Where(s => CheckInFlow.IsCheckIn(s) || CheckInFlow.IsFirstContact(s)))
        {
            Assert.True(step == CheckInStep.Grounding || CheckInFlow.Prompts.ContainsKey(step), $"{step} has no prompt");
        }
    }

    [Fact]
    public void EveryChoiceId_InTheCopy_IsShortAscii_AndClassified()
    {
        var ids = ReplyCatalog.English.All.Values.SelectMany(c => c.Choices).Select(c => c.Id)
            .Concat(SmallSteps.All).Concat(IntentClassifier.FeelingIds).Distinct().ToArray();

        foreach (var id in ids)
        {
            Assert.True(id.Length <= 40 && id.All(c => c is > ' ' and < (char)127), $"'{id}' is not short ASCII");
            foreach (var step in Enum.GetValues<CheckInStep>())
            {
                var said = IntentClassifier.Classify(null, id, In(step));
                Assert.True(said.Intent != Intent.Unclear, $"'{id}' is not classified in {step}");
            }
        }
    }

    [Fact]
    public void TheBeats_HaveTheExactParameters()
    {
        var copy = ReplyCatalog.English;
        Assert.All(copy[ReplyKey.BreathIntro].Variants, v => Assert.Matches("in for 4.*hold for 4.*out for 6", v.ToLowerInvariant()));
        Assert.All(copy[ReplyKey.BreathRound].Variants, v => Assert.Matches("4.*hold.*4.*6", v));
        Assert.All(copy[ReplyKey.BreathNoHoldRound].Variants, v => Assert.DoesNotContain("hold", v, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(3, GroundingScripts.Beats[GroundingExercise.Breathing].Count(k => k == ReplyKey.BreathRound));
        Assert.Equal(
            [ReplyKey.PmrIntro, ReplyKey.PmrToes, ReplyKey.PmrLegs, ReplyKey.PmrHands, ReplyKey.PmrShoulders, ReplyKey.PmrFace],
            GroundingScripts.Beats[GroundingExercise.MuscleRelaxation]);
        Assert.All(GroundingScripts.Beats[GroundingExercise.MuscleRelaxation].Skip(1), k => Assert.All(copy[k].Variants, v => Assert.Contains("5", v, StringComparison.Ordinal)));
    }

    private static string? SampleValue(Intent intent) => intent switch
    {
        Intent.Mood => "okay",
        Intent.Resistance => "Guilt",
        Intent.Step => "step:water",
        Intent.Feeling => "feel:sadness",
        Intent.TimeZone => "Europe/Paris",
        Intent.TimeOfDay => "08:30",
        Intent.Country => "FR",
        Intent.Crisis => "Explicit",
        _ => null,
    };
}
