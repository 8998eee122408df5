using Bot.Host;
using Bot.Testing;

namespace Bot.IntegrationTests.Host;

/// <summary>
/// Every verb of the real executable: --help describes it and exits 0; a bad option, a missing or malformed value, or a
/// stray word is one clear message and exit code 2, before anything starts; a mistyped verb gets a suggestion.
/// </summary>
public sealed class CommandLineTests
{
    private static readonly string HostPath = typeof(BotServices).Assembly.Location;

    [Theory]
    [InlineData("run", "start the bot", "--data-dir")]
    [InlineData("chat", "talk to the bot in this terminal", "--user")]
    [InlineData("migrate", "apply database migrations", "--data-dir")]
    [InlineData("stats", "counts only", "--data-dir")]
    [InlineData("export-user", "one person's stored data as JSON", "--out")]
    [InlineData("delete-user", "erase one person", "--yes")]
    [InlineData("dead-letters", "inbound updates parked", "retry")]
    [InlineData("dead-letters list", "the parked updates", "--data-dir")]
    [InlineData("dead-letters retry", "run one parked update again", "--platform <telegram|discord>")]
    [InlineData("dead-letters drop", "delete one parked update", "--id")]
    public async Task Help_DescribesTheVerb_AndExitsZero(string verb, string description, string option)
    {
        var result = await RunAsync([.. verb.Split(' '), "--help"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(description, result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains(option, result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"Bot.Host {verb} [", result.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("run --bogus x", "Unknown option '--bogus'")]
    [InlineData("chat --data-dir {dir} --user", "Required argument missing for option: '--user'")]
    [InlineData("migrate stray", "Unexpected 'stray'")]
    [InlineData("stats --Urls", "The configuration key --Urls needs a value")]
    [InlineData("export-user --platform slack --id 1", "--platform must be one of terminal|telegram|discord, not 'slack'")]
    [InlineData("delete-user --platform terminal", "Option '--id' is required")]
    [InlineData("dead-letters retyr", "Did you mean one of the following?\nretry")]
    [InlineData("dead-letters list --bogus", "Unknown option '--bogus'")]
    [InlineData("dead-letters retry --platform terminal --id 1", "--platform must be one of telegram|discord")]
    [InlineData("dead-letters drop --id 1", "Option '--platform' is required")]
    [InlineData("chta", "Did you mean one of the following?\nchat")]
    public async Task BadUsage_IsTold_AndExitsTwo_BeforeAnythingStarts(string arguments, string told)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"cb-cli-{Guid.NewGuid():N}");
        var result = await RunAsync(arguments.Contains("{dir}", StringComparison.Ordinal)
            ? arguments.Replace("{dir}", dataDirectory, StringComparison.Ordinal).Split(' ')
            : [.. arguments.Split(' '), "--data-dir", dataDirectory]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(told, (result.StandardError + result.StandardOutput).ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StandardOutput + result.StandardError, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dataDirectory), "nothing may start on a usage error");
    }

    private static Task<BotProcess.Result> RunAsync(string[] arguments) =>
        BotProcess.RunAsync(HostPath, arguments, timeout: TimeSpan.FromSeconds(60));
}
