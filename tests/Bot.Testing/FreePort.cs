using System.Net;
using System.Net.Sockets;

namespace Bot.Testing;

/// <summary>A loopback port nothing listens on right now, for a child process to listen on.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>An address for the host's management listener (Management:Urls), which needs a fixed port.</summary>
    public static string ManagementUrl() => $"http://127.0.0.1:{Next()}";
}
