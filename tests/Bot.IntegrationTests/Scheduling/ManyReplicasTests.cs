using Bot.Adapters.Persistence;
using Bot.Host;
using Bot.IntegrationTests.Scheduling.Replicas;
using Bot.Testing;
using Npgsql;

namespace Bot.IntegrationTests.Scheduling;

/// <summary>
/// Several real Bot.Host processes on one PostgreSQL, delivering to a fake platform on loopback: every due check-in
/// arrives exactly once; a replica killed with SIGKILL mid-burst loses nothing (the others, or a restart, deliver the rest).
/// </summary>
public sealed class ManyReplicasTests
{
    private const int People = 300;
    private static readonly string HostPath = typeof(BotServices).Assembly.Location;

    private static async Task<Dictionary<string, string>> PrepareAsync(FakePlatformServer platform, string name)
    {
        var server = await PostgresServer.GetAsync();
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Postgres"] = await server.CreateDatabaseAsync(name),
            ["Storage__EncryptionKeys"] = FreeTextProtector.NewKeyRing("replicas"),
            ["LoopbackPlatform__Url"] = platform.Url,
            ["Scheduling__DispatchInterval"] = "00:00:01",
            ["Scheduling__BatchSize"] = "25",
            ["Delivery__BatchSize"] = "10",
            ["Delivery__Lease"] = "00:00:05",
            ["Delivery__IdlePoll"] = "00:00:00.200",
            ["Delivery__Limits__Telegram__PerSecond"] = "100",
        };
        var migrate = await BotProcess.RunAsync(HostPath, ["migrate"], environment: environment!);
        Assert.True(migrate.ExitCode == 0, migrate.StandardError);
        await DueCheckInSeeder.SeedAsync(environment["ConnectionStrings__Postgres"], People, People, DateTimeOffset.UtcNow.AddSeconds(-30));
        return environment;
    }

    private static async Task<long> PendingAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM outbox_messages WHERE status <> 'Sent'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<long> WaitForNoPendingAsync(string connectionString, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        long pending;
        while ((pending = await PendingAsync(connectionString)) > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        return pending;
    }

    [Fact]
    public async Task ThreeReplicas_DeliverEveryDueCheckInExactlyOnce()
    {
        await using var platform = new FakePlatformServer(latency: TimeSpan.FromMilliseconds(5));
        var environment = await PrepareAsync(platform, "replicas");
        var replicas = Enumerable.Range(0, 3).Select(_ => HostReplica.Start(HostPath, environment)).ToList();
        try
        {
            var all = await platform.WaitUntilAsync(m => m.Select(x => x.ChatId).Distinct().Count() >= People, TimeSpan.FromSeconds(90));
            await Task.Delay(TimeSpan.FromSeconds(2)); // anything sent twice would show up now

            var messages = platform.Messages;
            Assert.True(all, $"only {messages.Select(x => x.ChatId).Distinct().Count()} of {People} people got their check-in");
            Assert.Equal(People, messages.Count);
            Assert.Equal(People, messages.Select(m => m.ChatId).Distinct().Count());
            Assert.Equal(0, await PendingAsync(environment["ConnectionStrings__Postgres"]));
        }
        finally
        {
            foreach (var replica in replicas)
            {
                await replica.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task ReplicaKilledHardMidBurst_OthersAndARestartDeliverTheRest_NothingLost()
    {
        // A slow platform, so the burst is still going when the kill comes.
        await using var platform = new FakePlatformServer(latency: TimeSpan.FromMilliseconds(40));
        var environment = await PrepareAsync(platform, "replicas_kill");
        var victim = HostReplica.Start(HostPath, environment);
        var survivor = HostReplica.Start(HostPath, environment);
        HostReplica? restarted = null;
        try
        {
            Assert.True(await platform.WaitUntilAsync(m => m.Count >= People / 5, TimeSpan.FromSeconds(60)), "the burst never started");
            victim.KillHard();
            var deliveredBeforeKill = platform.Messages.Count;
            restarted = HostReplica.Start(HostPath, environment);

            var all = await platform.WaitUntilAsync(m => m.Select(x => x.ChatId).Distinct().Count() >= People, TimeSpan.FromSeconds(90));
            // What the killed replica had claimed but not marked comes back once its lease runs out.
            var pending = await WaitForNoPendingAsync(environment["ConnectionStrings__Postgres"], TimeSpan.FromSeconds(30));

            var messages = platform.Messages;
            var duplicates = messages.Count - messages.Select(m => m.ChatId).Distinct().Count();
            Assert.True(all, $"only {messages.Select(x => x.ChatId).Distinct().Count()} of {People} people got their check-in");
            Assert.True(deliveredBeforeKill < People, "the kill came after the burst; the test proves nothing");
            // Duplicates can only come from messages the killed replica had handed to the platform but not yet marked.
            Assert.InRange(duplicates, 0, 10);
            Assert.Equal(0, pending);
        }
        finally
        {
            await victim.DisposeAsync();
            await survivor.DisposeAsync();
            if (restarted is not null)
            {
                await restarted.DisposeAsync();
            }
        }
    }
}
