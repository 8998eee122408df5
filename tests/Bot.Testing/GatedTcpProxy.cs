using System.Net;
using System.Net.Sockets;

namespace Bot.Testing;

/// <summary>
/// A loopback TCP port in front of a real server that turns every connection away (reset at once) until it is opened;
/// from then on it forwards bytes both ways. A database "coming up" at a moment the test chooses.
/// </summary>
public sealed class GatedTcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private volatile bool _open;

    public GatedTcpProxy(string targetHost, int targetPort)
    {
        _targetHost = targetHost;
        _targetPort = targetPort;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>How many connections were turned away while closed.</summary>
    public int Refused { get; private set; }

    public void Open() => _open = true;

    public ValueTask DisposeAsync() => new(AcceptLoop.StopAsync(_stop, _listener.Stop, _accepting));

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            if (!_open)
            {
                Refused++;
                client.Client.LingerState = new LingerOption(true, 0);
                client.Dispose();
                continue;
            }

            _ = ForwardAsync(client);
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        using (client)
        using (var server = new TcpClient())
        {
            try
            {
                await server.ConnectAsync(_targetHost, _targetPort, _stop.Token);
                var toServer = client.GetStream().CopyToAsync(server.GetStream(), _stop.Token);
                var toClient = server.GetStream().CopyToAsync(client.GetStream(), _stop.Token);
                await Task.WhenAny(toServer, toClient);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // Either side went away; closing both ends is all there is to do.
            }
        }
    }
}
