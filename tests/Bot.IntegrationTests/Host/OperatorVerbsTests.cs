using System.Text;
using Bot.Host;
using Bot.Testing;
using Microsoft.Data.Sqlite;

namespace Bot.IntegrationTests.Host;

public sealed class OperatorVerbsTests : IDisposable
{
    private static readonly string HostPath = typeof(BotServices).Assembly.Location;
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"cb-verbs-{Guid.NewGuid():N}");

    [Fact]
    public async Task ExportUser_WritesTheirData_DeleteUser_NeedsYes_ThenErasesThemAndNoOneElse()
    {
        await ChatAsync("river", "/checkin\n3\n");
        await ChatAsync("brook", "/checkin\n");

        var export = await VerbAsync("export-user", "--platform", "terminal", "--id", "river");
        var unknown = await VerbAsync("export-user", "--platform", "terminal", "--id", "nobody");
        var withoutYes = await VerbAsync("delete-user", "--platform", "terminal", "--id", "river");
        var peopleBefore = CountRows("people");
        var deleted = await VerbAsync("delete-user", "--platform", "terminal", "--id", "river", "--yes", "true");

        Assert.Equal(0, export.ExitCode);
        Assert.StartsWith("{", export.StandardOutput.TrimStart(), StringComparison.Ordinal);
        Assert.Contains("river", export.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("brook", export.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Equal(2, withoutYes.ExitCode);
        Assert.Equal(2, peopleBefore);
        Assert.Equal(0, deleted.ExitCode);
        Assert.Equal(1, CountRows("people"));
        Assert.Equal(0, CountRows("platform_identities WHERE external_user_id = 'river'"));
        Assert.Equal(1, CountRows("platform_identities WHERE external_user_id = 'brook'"));
    }

    private Task<BotProcess.Result> ChatAsync(string user, string input) =>
        BotProcess.RunAsync(HostPath, ["chat", "--user", user, "--data-dir", _dataDirectory], Encoding.UTF8.GetBytes(input));

    private Task<BotProcess.Result> VerbAsync(params string[] arguments) =>
        BotProcess.RunAsync(HostPath, [.. arguments, "--data-dir", _dataDirectory]);

    private long CountRows(string tableAndWhere)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_dataDirectory, "compassionbot.db")};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {tableAndWhere}";
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
