using System.Text;
using Bot.Host;
using Bot.Testing;

namespace Bot.IntegrationTests.Scheduling;

/// <summary>Preferences work in the `chat` verb too (SQLite, the real host process).</summary>
public sealed class SettingsInChatTests : IDisposable
{
    private static readonly string HostPath = typeof(BotServices).Assembly.Location;
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"cb-chat-sched-{Guid.NewGuid():N}");

    [Fact]
    public async Task ChatVerb_SetsTimeZoneAndWindow_ThenTheYes_AndTellsWhenTheNextCheckInComes()
    {
        var result = await BotProcess.RunAsync(
            HostPath,
            ["chat", "--user", "river", "--data-dir", _dataDirectory],
            Encoding.UTF8.GetBytes("/timezone Nowhere/Land\n/timezone Asia/Tokyo\n/window 08:00-08:30\n1\n/settings\n"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("America/New_York", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Asia/Tokyo", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Your next check-in:", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains(", 08:", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("08:00-08:30", result.StandardOutput, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing was written.
        }
    }
}
