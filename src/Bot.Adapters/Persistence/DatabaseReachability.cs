using System.Net.Sockets;
using Npgsql;

namespace Bot.Adapters.Persistence;

/// <summary>
/// Opens one connection to the configured PostgreSQL. When that fails the answer names ConnectionStrings:Postgres with
/// its host and port and a short reason, never the user, the password or the rest of the string.
/// </summary>
internal static class DatabaseReachability
{
    public static async Task EnsureAsync(StoreSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Provider != StoreProvider.Postgres)
        {
            return;
        }

        var target = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
        try
        {
            await using var connection = new NpgsqlConnection(settings.ConnectionString);
            await connection.OpenAsync(cancellationToken);
        }
        catch (Exception ex) when ((ex is NpgsqlException or TimeoutException) && !cancellationToken.IsCancellationRequested)
        {
            throw new ConfigurationException(
                StoreSettings.ConnectionStringKey,
                $"cannot reach PostgreSQL at {target.Host}:{target.Port} ({Reason(ex)}).");
        }
    }

    private static string Reason(Exception exception) => exception switch
    {
        PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification } =>
            "the server refused the user name or password",
        PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName } => "the database does not exist",
        PostgresException postgres => $"the server refused the connection, SQLSTATE {postgres.SqlState}",
        { InnerException: SocketException socket } => socket.SocketErrorCode switch
        {
            SocketError.ConnectionRefused => "connection refused",
            SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData => "host not found",
            SocketError.TimedOut => "timed out",
            SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown => "the connection was closed at once",
            var other => other.ToString(),
        },
        TimeoutException or { InnerException: TimeoutException } => "timed out",
        _ => "the connection failed",
    };
}
