using System.Text;
using System.Text.RegularExpressions;
using Bot.Host;
using Bot.Testing;
using Microsoft.Data.Sqlite;

namespace Bot.IntegrationTests.History;

/// <summary>The history commands through the real `chat` verb: files land in the data directory, their paths are printed.</summary>
public sealed partial class HistoryChatVerbTests : IDisposable
{
    private static readonly string HostPath = typeof(BotServices).Assembly.Location;
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"cb-history-{Guid.NewGuid():N}");

    [Fact]
    public async Task History_And_Export_WriteFilesAndPrintTheirPaths_ThenForgetEmptiesTheStore()
    {
        var first = await ChatAsync("/checkin\n3\n/win tidied one shelf\n/history\n/export\n");

        Assert.Equal(0, first.ExitCode);
        var files = FilePath().Matches(first.StandardOutput).Select(m => m.Groups[1].Value.Trim()).ToArray();
        Assert.Equal(3, files.Length);
        var chart = Assert.Single(files, f => f.EndsWith(".png", StringComparison.Ordinal));
        Assert.StartsWith(Path.GetFullPath(_dataDirectory), chart, StringComparison.Ordinal);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], File.ReadAllBytes(chart).Take(4));
        var json = await File.ReadAllTextAsync(Assert.Single(files, f => f.EndsWith(".json", StringComparison.Ordinal)));
        Assert.Contains("tidied one shelf", json, StringComparison.Ordinal);
        Assert.Contains("okay", first.StandardOutput, StringComparison.Ordinal);

        var second = await ChatAsync("/forget\n1\n");

        Assert.Equal(0, second.ExitCode);
        Assert.Contains("deleted", second.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(0, CountRows("people"));
        Assert.Equal(0, CountRows("history_entries"));
        Assert.Equal(0, CountRows("outbox_messages"));
        Assert.Equal(0, CountRows("processed_inbound"));
    }

    [GeneratedRegex(@"bot> \[file\] (.+)")]
    private static partial Regex FilePath();

    private Task<BotProcess.Result> ChatAsync(string input) =>
        BotProcess.RunAsync(HostPath, ["chat", "--user", "river", "--data-dir", _dataDirectory], Encoding.UTF8.GetBytes(input));

    private long CountRows(string table)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_dataDirectory, "compassionbot.db")};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}
