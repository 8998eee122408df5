using Bot.Core.Conversations;

namespace Bot.Core.Tests.Conversations;

public class FlowDiagramTests
{
    [Fact]
    public void FlowDiagram_InDocs_IsInSyncWithTheTable()
    {
        var path = Path.Combine(RepositoryFiles.Root(), "docs", "check-in-flow.md");
        var expected = FlowDiagram.ToMarkdown();
        if (Environment.GetEnvironmentVariable("UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.True(File.Exists(path), "docs/check-in-flow.md is missing: run with UPDATE_DOCS=1");
        Assert.Equal(expected, File.ReadAllText(path));
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
}
