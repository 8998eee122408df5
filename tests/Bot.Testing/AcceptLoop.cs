using System.Net;
using System.Net.Sockets;

namespace Bot.Testing;

/// <summary>Ends a fake server's accept loop: cancel it, stop listening, and wait for the loop, which ends by throwing.</summary>
public static class AcceptLoop
{
    public static async Task StopAsync(CancellationTokenSource stop, Action stopListening, Task loop)
    {
        await stop.CancelAsync();
        stopListening();
        try
        {
            await loop;
        }
        catch (Exception ex) when (ex is ObjectDisposedException or HttpListenerException or SocketException or OperationCanceledException)
        {
            // The loop ends this way once its listener is stopped.
        }

        stop.Dispose();
    }
}
