using Npgsql;

namespace Bot.Adapters.Telegram;

/// <summary>
/// A session-level PostgreSQL advisory lock held on one open connection: if this process dies or its connection drops,
/// PostgreSQL releases the lock and another replica takes over polling.
/// </summary>
public sealed class PostgresAdvisoryPollerLease(NpgsqlDataSource dataSource, long lockKey, bool ownsDataSource = false)
    : IPollerLease, IAsyncDisposable
{
    /// <summary>Any fixed number works as long as every replica uses the same one; this one spells "tgpoll".</summary>
    public const long DefaultLockKey = 0x7467_706F_6C6C;

    public async ValueTask DisposeAsync()
    {
        if (ownsDataSource)
        {
            await dataSource.DisposeAsync();
        }
    }

    public async Task<IPollerLeaseHandle?> TryAcquireAsync(CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", lockKey);
            if (await command.ExecuteScalarAsync(cancellationToken) is true)
            {
                return new Handle(connection, lockKey);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
    }

    private sealed class Handle(NpgsqlConnection connection, long lockKey) : IPollerLeaseHandle
    {
        public async Task<bool> StillHeldAsync(CancellationToken cancellationToken)
        {
            try
            {
                // A session-level lock lives exactly as long as its session: a live connection means we still hold it.
                await using var command = new NpgsqlCommand("SELECT 1", connection);
                return await command.ExecuteScalarAsync(cancellationToken) is 1;
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
            {
                return false;
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                command.Parameters.AddWithValue("key", lockKey);
                await command.ExecuteScalarAsync();
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
            {
                // The connection is gone, and the lock went with it.
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }
}
