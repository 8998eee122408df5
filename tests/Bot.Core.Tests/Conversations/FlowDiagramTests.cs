using Bot.Core.Commands;
using Bot.Core.Conversations;

namespace Bot.Core.Tests.Conversations;

/// <summary>docs/check-in-flow.md is drawn from the tables (routes, rules, rows, actions) and never drifts from them.</summary>
public class FlowDiagramTests
{
    [Fact]
    public void FlowDiagram_InDocs_IsGeneratedFromTheTables()
    {
        var path = Path.Combine(RepositoryFiles.Root(), "docs", "check-in-flow.md");
        var expected = FlowDiagram.ToMarkdown();
        if (Environment.GetEnvironmentVariable("UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
        }

        var stale = $"docs/check-in-flow.md is not what the tables draw (CommandRoutes, FlowRules, CheckInFlow.Table, CheckInEngine.Actions). "
            + $"Regenerate it with `{FlowDiagram.RegenerateCommand}` and commit the file.";
        Assert.True(File.Exists(path), stale);
        Assert.True(expected == File.ReadAllText(path).ReplaceLineEndings("\n"), stale);
    }

    [Fact]
    public void FlowDiagram_HasEveryStepAndEveryRow()
    {
        var mermaid = FlowDiagram.ToMermaid();
        foreach (var step in Enum.GetValues<CheckInStep>().Where(s => !CheckInFlow.IsFeatureOwned(s)))
        {
            Assert.Contains(step.ToString(), mermaid, StringComparison.Ordinal);
        }

        Assert.Contains("Any --> SafetyHold : Crisis / EnterSafety", mermaid, StringComparison.Ordinal);
    }

    [Fact]
    public void FlowDiagram_DrawsEveryRuleAndEveryRoute()
    {
        var markdown = FlowDiagram.ToMarkdown();
        Assert.All(FlowRules.All, rule => Assert.Contains($"{rule.Number}. **{rule.Name}.** {rule.Says}", markdown, StringComparison.Ordinal));
        Assert.All(CommandRoutes.Commands, route => Assert.Contains(route.Heard.ToString()!, markdown, StringComparison.Ordinal));
        Assert.All(CommandRoutes.Continuing, route => Assert.Contains(route.Step.ToString(), FlowDiagram.RoutesToMermaid(), StringComparison.Ordinal));
        Assert.Equal(6, FlowRules.All.Count);
        Assert.Equal([1, 2, 3, 4, 5, 6], FlowRules.All.Select(r => r.Number));
    }

    [Fact]
    public void TheRulesEdges_AreMovesTheEngineMakes()
    {
        var now = new DateTimeOffset(2026, 11, 23, 19, 0, 0, TimeSpan.Zero);

        // Rule 4: a second decline in a check-in closes, from every step the diagram says it does.
        foreach (var edge in FlowRules.SecondDecline.Edges())
        {
            var row = CheckInFlow.Table.First(r => r.From == edge.From && FlowRules.SecondDecline.Declines.Contains(r.Act));
            var conversation = CheckInFlowInvariantsTests.In(edge.From!.Value) with { Declines = 1 };
            var turn = CheckInEngine.Advance(conversation, new Signal.UserSaid(row.On), now);
            Assert.Equal(edge.To, turn.Next.Step);
        }

        // Rule 5: unclear twice closes, or holds in safety mode, as drawn.
        foreach (var edge in FlowRules.NoRow.Edges())
        {
            var conversation = CheckInFlowInvariantsTests.In(edge.From!.Value);
            for (var i = 0; i <= FlowRules.NoRow.ReAsks; i++)
            {
                conversation = CheckInEngine.Advance(conversation, new Signal.UserSaid(Intent.Unclear), now).Next;
            }

            Assert.Equal(edge.To, conversation.Step);
        }

        // Rule 6: ReplyTimedOut closes every check-in step drawn; CheckInDue opens from every resting step drawn.
        foreach (var edge in FlowRules.Timers.Edges())
        {
            var conversation = CheckInFlowInvariantsTests.In(edge.From!.Value) with { LastInboundAt = now.AddDays(-3), SafetyHeldAt = null };
            Signal signal = edge.To == CheckInStep.Closed ? new Signal.ReplyTimedOut() : new Signal.CheckInDue();
            Assert.Equal(edge.To, CheckInEngine.Advance(conversation, signal, now).Next.Step);
        }
    }
}
