using System.Net;
using System.Text.Json;
using Bot.Adapters.Persistence;
using Bot.IntegrationTests.Faults;
using Bot.Testing;
using Bot.Testing.Telegram;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Bot.IntegrationTests.Host;

/// <summary>
/// Configuration that only shows once the bot starts: an address it cannot listen on, a database it cannot reach, a key
/// ring that cannot read what is stored. One line naming the key, never a stack trace or the password; `run` waits for
/// an unreachable database (and /healthz says so) instead of crashing.
/// </summary>
public sealed class StartupFailureTests
{
    private const string Password = "never-print-this-pw-5c81";

    [Fact]
    public async Task InvalidUrls_StopsStartup_InOneLineNamingUrls()
    {
        var result = await BotProcess.RunAsync(
            HostEnvironment.HostPath,
            ["run", "--data-dir", Path.Combine(Path.GetTempPath(), $"cb-urls-{Guid.NewGuid():N}"), "--Urls", "notaurl"],
            environment: new Dictionary<string, string?> { ["Storage__EncryptionKeys"] = HostEnvironment.EncryptionKeys },
            timeout: TimeSpan.FromSeconds(60));

        Assert.Equal(2, result.ExitCode);
        AssertOneLineNaming("Configuration 'Urls'", result);
    }

    [Fact]
    public async Task UnreachableDatabase_ToolVerb_FailsFast_InOneLineNamingTheKey_WithoutThePassword()
    {
        var postgres = await PostgresServer.GetAsync();
        var database = await postgres.CreateDatabaseAsync("unreachable_tool");
        await using var proxy = InFrontOf(database);

        var result = await BotProcess.RunAsync(
            HostEnvironment.HostPath,
            ["stats"],
            environment: new Dictionary<string, string?>
            {
                ["ConnectionStrings__Postgres"] = Through(proxy, database),
                ["Storage__EncryptionKeys"] = HostEnvironment.EncryptionKeys,
            },
            timeout: TimeSpan.FromSeconds(60));

        Assert.Equal(2, result.ExitCode);
        AssertOneLineNaming($"Configuration 'ConnectionStrings:Postgres': cannot reach PostgreSQL at 127.0.0.1:{proxy.Port}", result);
        Assert.True(proxy.Refused > 0, "stats never tried the database");
    }

    [Fact]
    public async Task UnreachableDatabase_Run_WaitsSayingSo_ThenStartsWhenItAnswers()
    {
        var postgres = await PostgresServer.GetAsync();
        var database = await postgres.CreateDatabaseAsync("unreachable_run");
        await using var proxy = InFrontOf(database);
        await using var api = new FakeTelegramBotApi();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        await using var bot = RunningBot.Start(HostEnvironment.HostPath, HostEnvironment.For(Through(proxy, database), api));
        var waitingLine = $"Configuration 'ConnectionStrings:Postgres': cannot reach PostgreSQL at 127.0.0.1:{proxy.Port}";

        await Eventually.TrueAsync(() => bot.Lines.Any(l => l.Contains(waitingLine, StringComparison.Ordinal)) || bot.HasExited, "the host says it waits for the database");
        var waiting = await HealthAsync(http, bot);
        Assert.False(bot.HasExited, string.Join('\n', bot.Lines));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, waiting.Status);
        Assert.Equal("unreachable", waiting.Database);
        Assert.Equal(0, await HostEnvironment.CountAsync(database, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));

        proxy.Open();
        await Eventually.TrueAsync(() => HealthAsync(http, bot).GetAwaiter().GetResult().Status == HttpStatusCode.OK || bot.HasExited, "the host is healthy once the database answers");
        api.Enqueue(Traffic.CheckIn(1));
        await Eventually.TrueAsync(() => Traffic.ChatsAnswered(api).Count == 1 || bot.HasExited, "the person is answered");
        Assert.Equal(0, await bot.StopAsync());

        var told = bot.Lines.Where(l => l.Contains("ConnectionStrings:Postgres", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(told);
        Assert.All(told, line => Assert.Contains(waitingLine, line, StringComparison.Ordinal));
        Assert.False(
            bot.Lines.Any(l => l.Contains(Password, StringComparison.Ordinal) || l.Contains("   at ", StringComparison.Ordinal)),
            string.Join('\n', bot.Lines));
    }

    [Fact]
    public async Task KeyRingThatCannotReadStoredText_StopsStartup_InOneLineNamingTheKey_ButARotatedRingStarts()
    {
        var postgres = await PostgresServer.GetAsync();
        var database = await postgres.CreateDatabaseAsync("wrong_key");
        await KeepOwnWordsAsync(database, HostEnvironment.EncryptionKeys, "the sea at dawn");
        var otherKey = "k1:" + Convert.ToBase64String(Enumerable.Range(100, 32).Select(i => (byte)i).ToArray());

        var wrong = await BotProcess.RunAsync(
            HostEnvironment.HostPath,
            ["run", "--Urls", "http://127.0.0.1:0"],
            environment: new Dictionary<string, string?> { ["ConnectionStrings__Postgres"] = database, ["Storage__EncryptionKeys"] = otherKey },
            timeout: TimeSpan.FromSeconds(60));
        var rotated = await BotProcess.RunAsync(
            HostEnvironment.HostPath,
            ["migrate"],
            environment: new Dictionary<string, string?>
            {
                ["ConnectionStrings__Postgres"] = database,
                ["Storage__EncryptionKeys"] = "k2:" + Convert.ToBase64String(new byte[32]) + "," + HostEnvironment.EncryptionKeys,
            },
            timeout: TimeSpan.FromSeconds(60));

        Assert.Equal(2, wrong.ExitCode);
        AssertOneLineNaming("Configuration 'Storage:EncryptionKeys': cannot decrypt the free text already stored (written with key id 'k1')", wrong);
        Assert.DoesNotContain(otherKey[3..], wrong.StandardOutput + wrong.StandardError, StringComparison.Ordinal);
        Assert.Equal(0, rotated.ExitCode);
    }

    private static GatedTcpProxy InFrontOf(string connectionString)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        return new GatedTcpProxy(target.Host!, target.Port);
    }

    /// <summary>The database through the proxy, with a password (the test server trusts loopback, so it is never checked).</summary>
    private static string Through(GatedTcpProxy proxy, string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Host = "127.0.0.1", Port = proxy.Port, Password = Password }.ToString();

    private static void AssertOneLineNaming(string expected, BotProcess.Result result)
    {
        var key = expected[(expected.IndexOf('\'', StringComparison.Ordinal) + 1)..];
        key = key[..key.IndexOf('\'', StringComparison.Ordinal)];
        var lines = (result.StandardOutput + "\n" + result.StandardError).Split('\n', StringSplitOptions.TrimEntries);
        var naming = lines.Where(l => l.Contains(key, StringComparison.Ordinal)).ToArray();
        var output = result.StandardOutput + result.StandardError;
        Assert.True(naming.Length == 1, $"expected one line naming {key}:\n{output}");
        Assert.Contains(expected, naming[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, output, StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Status, string? Database)> HealthAsync(HttpClient http, RunningBot bot)
    {
        try
        {
            using var response = await http.GetAsync(bot.ManagementUrl + "/healthz");
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return (response.StatusCode, body.RootElement.GetProperty("database").GetString());
        }
        catch (HttpRequestException)
        {
            return (0, null);
        }
    }

    /// <summary>One person's kept words, encrypted with the given key ring, through the store the host uses.</summary>
    private static async Task KeepOwnWordsAsync(string connectionString, string keyRing, string phrase)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = connectionString,
            ["Storage:EncryptionKeys"] = keyRing,
        }).Build();
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddBotPersistence(configuration)
            .AddScoped<EfOwnWordsStore>()
            .BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
        var personId = Guid.NewGuid();
        db.People.Add(new Bot.Adapters.Persistence.Entities.PersonRow { Id = personId, CreatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<EfOwnWordsStore>().KeepAsync(personId, phrase, DateTimeOffset.UtcNow, CancellationToken.None);
    }
}
