using Bot.Adapters.Telegram;
using Bot.Testing;
using Npgsql;

namespace Bot.Adapters.Tests.Telegram;

/// <summary>The poller election on a real PostgreSQL (BOT_TEST_POSTGRES, or a throw-away local cluster).</summary>
public sealed class PostgresAdvisoryPollerLeaseTests
{
    private static long UniqueKey() => Random.Shared.NextInt64(1, long.MaxValue);

    [Fact]
    public async Task TryAcquire_OnlyOneReplicaHoldsTheLease_UntilItReleasesIt()
    {
        var server = await PostgresServer.GetAsync();
        await using var dataSource = NpgsqlDataSource.Create(server.AdminConnectionString);
        var key = UniqueKey();
        var replicaA = new PostgresAdvisoryPollerLease(dataSource, key);
        var replicaB = new PostgresAdvisoryPollerLease(dataSource, key);

        var held = await replicaA.TryAcquireAsync(CancellationToken.None);
        Assert.NotNull(held);
        Assert.Null(await replicaB.TryAcquireAsync(CancellationToken.None));
        Assert.True(await held.StillHeldAsync(CancellationToken.None));

        await held.DisposeAsync();
        await using var takenOver = await replicaB.TryAcquireAsync(CancellationToken.None);
        Assert.NotNull(takenOver);
    }

    [Fact]
    public async Task StillHeld_IsFalseOnceTheHoldersSessionDies_AndAnotherReplicaTakesOver()
    {
        var server = await PostgresServer.GetAsync();
        await using var dataSource = NpgsqlDataSource.Create(server.AdminConnectionString);
        var key = UniqueKey();
        var replicaA = new PostgresAdvisoryPollerLease(dataSource, key);
        var replicaB = new PostgresAdvisoryPollerLease(dataSource, key);
        var held = await replicaA.TryAcquireAsync(CancellationToken.None);
        Assert.NotNull(held);

        await using (var admin = await dataSource.OpenConnectionAsync())
        {
            await using var kill = new NpgsqlCommand(
                "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND ((classid::bigint << 32) | objid::bigint) = @key",
                admin);
            kill.Parameters.AddWithValue("key", key);
            await kill.ExecuteNonQueryAsync();
        }

        Assert.False(await held.StillHeldAsync(CancellationToken.None));
        await held.DisposeAsync();
        await using var takenOver = await replicaB.TryAcquireAsync(CancellationToken.None);
        Assert.NotNull(takenOver);
    }
}
