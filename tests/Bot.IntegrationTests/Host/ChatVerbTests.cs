using System.Text;
using Bot.Host;
using Bot.Testing;
using Microsoft.Data.Sqlite;

namespace Bot.IntegrationTests.Host;

public sealed class ChatVerbTests : IDisposable
{
    private static readonly string HostPath = typeof(BotServices).Assembly.Location;
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"cb-chat-{Guid.NewGuid():N}");

    [Fact]
    public async Task PipedTranscript_GetsReplies_ExitsZero_AndASecondRunRemembersThePerson()
    {
        var first = await ChatAsync("/checkin\n3\n");
        var second = await ChatAsync("/checkin\nnot today\n");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("not a person", first.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("[1] heavy", first.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(0, second.ExitCode);
        Assert.DoesNotContain("not a person", second.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(1, CountRows("people"));
        Assert.Equal(2, CountRows("history_entries"));
    }

    [Fact]
    public async Task BadInput_GetsAnswersOrIsIgnored_NeverACrash_AndTheStoreStaysClean()
    {
        var input = new MemoryStream();
        void Line(byte[] bytes)
        {
            input.Write(bytes);
            input.WriteByte((byte)'\n');
        }

        Line([]);
        Line("   "u8.ToArray());
        Line(Encoding.UTF8.GetBytes(new string('a', 100_000)));
        Line([0, 0, (byte)'h', 0, (byte)'i']);
        Line([0xff, 0xfe, 0xc3, 0x28, (byte)'o', (byte)'k']);
        Line("/nosuchcommand"u8.ToArray());
        Line("/checkin"u8.ToArray());
        Line(Encoding.UTF8.GetBytes("\u202E\u0301\u0301\u0301 <b>x</b> &amp;"));
        Line("99"u8.ToArray());

        var result = await ChatAsync(input.ToArray());

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("Unhandled", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("/help", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("[1] heavy", result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(1, CountRows("people"));
        Assert.Equal(0, CountRows("outbox_messages WHERE status = 'Pending'"));
        Assert.True(CountRows("outbox_messages") > 0);
        Assert.Equal(0, CountRows("outbox_messages WHERE payload IS NULL OR payload_json IS NOT NULL OR instr(payload, CAST('heavy' AS BLOB)) > 0"));
    }

    [Fact]
    public async Task ANumberAfterARestart_PicksFromTheChoicesShownBeforeIt()
    {
        var first = await ChatAsync("/checkin\n");
        var second = await ChatAsync("3\n");

        Assert.Contains("[3] okay", first.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(0, second.ExitCode);
        Assert.DoesNotContain("simple bot", second.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("didn't quite catch", second.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(1, CountRows("history_entries WHERE kind = 'mood' AND value = 'okay'"));
    }

    [Fact]
    public async Task ANumberAfterARestart_IsNotKeptAsTheirOwnStep()
    {
        var offered = await ChatAsync("/checkin\n3\nyes\ndone\na little\n");
        var picked = await ChatAsync("5\n");

        Assert.Contains("[5] rest counts today", offered.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(0, picked.ExitCode);
        Assert.Equal(0, CountRows("history_entries WHERE kind = 'small-step' AND value = 'own'"));
        Assert.Equal(1, CountRows("history_entries WHERE kind = 'small-step'"));
    }

    [Fact]
    public async Task ANumberAfterARestart_AnswersTheQuestionOnScreen_NotAFreshGreeting()
    {
        var asked = await ChatAsync("");
        var answered = await ChatAsync("2\n");

        Assert.Contains("[2] not now", asked.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(0, answered.ExitCode);
        Assert.DoesNotContain("simple bot", answered.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("didn't quite catch", answered.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(1, CountRows("conversations WHERE step = 'Idle'"));
    }

    [Fact]
    public async Task TwoPeoplesExports_GetTheirOwnFiles_NamedWithoutTheirNames_AndForgetDeletesOnlyTheirs()
    {
        var river = FilesIn(await ChatAsync("/checkin\n3\n/export\n/history\n", "river"));
        var sam = FilesIn(await ChatAsync("/checkin\n1\n/export\n", "sam"));

        Assert.Equal(3, river.Length);
        Assert.Equal(2, sam.Length);
        Assert.All(river.Concat(sam), path => Assert.True(File.Exists(path), path));
        Assert.Equal(5, river.Concat(sam).Distinct().Count());
        Assert.All(river.Concat(sam), path => Assert.DoesNotContain("river", Path.GetFileName(path), StringComparison.OrdinalIgnoreCase));
        Assert.All(river.Concat(sam), path => Assert.DoesNotContain("sam", Path.GetFileName(path), StringComparison.OrdinalIgnoreCase));

        var forgot = await ChatAsync("/forget\nYes, delete everything\n", "river");

        Assert.Equal(0, forgot.ExitCode);
        Assert.All(river, path => Assert.False(File.Exists(path), path));
        Assert.All(sam, path => Assert.True(File.Exists(path), path));
    }

    private static string[] FilesIn(BotProcess.Result result) =>
        result.StandardOutput.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("bot> [file] ", StringComparison.Ordinal))
            .Select(line => line["bot> [file] ".Length..])
            .ToArray();

    [Fact]
    public async Task AtStart_ANewcomerIsGreeted_SomeoneReturningIsWelcomedBackWithTheirButtons_AndTheHintIsShown()
    {
        var first = await ChatAsync("");
        var again = await ChatAsync("");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("not a person", first.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("[1] yes, check in with me", first.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("/help", first.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Ctrl-D", first.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(0, again.ExitCode);
        Assert.DoesNotContain("not a person", again.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("[1] yes, check in with me", again.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Ctrl-D", again.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(1, CountRows("people"));
    }

    [Theory]
    [InlineData(15)]
    [InlineData(2)]
    public async Task ASignal_EndsTheChatCleanly(int signal)
    {
        var result = await BotProcess.SignalAfterAsync(HostPath, ["chat", "--user", "river", "--data-dir", _dataDirectory], "Ctrl-D", signal);

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("Unhandled", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StandardError, StringComparison.Ordinal);
    }

    private Task<BotProcess.Result> ChatAsync(string input, string user = "river") => ChatAsync(Encoding.UTF8.GetBytes(input), user);

    private Task<BotProcess.Result> ChatAsync(byte[] input, string user = "river") =>
        BotProcess.RunAsync(HostPath, ["chat", "--user", user, "--data-dir", _dataDirectory], input);

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
