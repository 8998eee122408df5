using Bot.Core.Conversations;

namespace Bot.Core.Tests;

public class ArchitectureTests
{
    [Fact]
    public void Core_ReferencesNoPlatformSdkEfOrQuartz()
    {
        var forbidden = new[] { "Telegram", "EntityFramework", "Npgsql", "Quartz", "Sqlite" };
        var referenced = typeof(CheckInEngine).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "");

        var offenders = referenced.Where(name => forbidden.Any(f => name.Contains(f, StringComparison.OrdinalIgnoreCase))).ToArray();

        Assert.Empty(offenders);
    }
}
