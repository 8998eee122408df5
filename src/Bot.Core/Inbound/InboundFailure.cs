using System.Data.Common;
using System.Net.Sockets;

namespace Bot.Core.Inbound;

/// <summary>
/// Tells an outage from a poison update. While the database or the network is away every update fails alike, nothing
/// could be parked anyway, and the update is fine once it is back: such failures never use up an update's attempts.
/// </summary>
public static class InboundFailure
{
    public static bool IsTransient(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case DbException db when db.IsTransient || IsConnectionState(db.SqlState):
                case TimeoutException or SocketException or HttpRequestException:
                    return true;
            }
        }

        return false;
    }

    /// <summary>SQLSTATE class 08 (connection exception) and 57 (operator intervention, e.g. a server shutting down).</summary>
    private static bool IsConnectionState(string? sqlState) =>
        sqlState is { Length: 5 } && (sqlState.StartsWith("08", StringComparison.Ordinal) || sqlState.StartsWith("57", StringComparison.Ordinal));

    /// <summary>The exception's type and message only: never a payload, and short enough for a table column.</summary>
    public static (string Type, string Message) Describe(Exception exception)
    {
        var message = exception.Message;
        return (exception.GetType().FullName ?? exception.GetType().Name, message.Length <= MaxMessageLength ? message : message[..MaxMessageLength]);
    }

    public const int MaxMessageLength = 500;
}
