using System.Net.WebSockets;

namespace Bot.Adapters.Discord.Gateway;

/// <summary>IGatewayTransport on ClientWebSocket: a new socket per connection, no compression, messages reassembled from frames.</summary>
public sealed class WebSocketGatewayTransport : IGatewayTransport
{
    private static readonly TimeSpan CloseWait = TimeSpan.FromSeconds(2);
    private ClientWebSocket? _socket;

    public async Task ConnectAsync(Uri uri, CancellationToken cancellationToken)
    {
        _socket?.Dispose();
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        _socket = socket;
        await socket.ConnectAsync(uri, cancellationToken);
    }

    public async Task SendAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var socket = _socket ?? throw new InvalidOperationException("Not connected.");
        await socket.SendAsync(payload, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
    }

    public async Task<GatewayFrame> ReceiveAsync(CancellationToken cancellationToken)
    {
        var socket = _socket ?? throw new InvalidOperationException("Not connected.");
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer.AsMemory(), cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return GatewayFrame.Closed(socket.CloseStatus is { } status ? (int)status : null);
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    return GatewayFrame.Message(message.ToArray());
                }
            }
        }
        catch (WebSocketException)
        {
            return GatewayFrame.Closed(socket.CloseStatus is { } status ? (int)status : null);
        }
        catch (ObjectDisposedException)
        {
            return GatewayFrame.Closed(null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The socket was aborted under us (zombie close): a drop, not a shutdown.
            return GatewayFrame.Closed(null);
        }
    }

    public async Task CloseAsync(int closeCode, CancellationToken cancellationToken)
    {
        var socket = _socket;
        if (socket is null || socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            socket?.Abort();
            return;
        }

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(CloseWait);
        try
        {
            await socket.CloseOutputAsync((WebSocketCloseStatus)closeCode, null, wait.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // A zombie socket may never finish closing; aborting below is the fallback.
        }
        finally
        {
            socket.Abort();
        }
    }

    public ValueTask DisposeAsync()
    {
        _socket?.Dispose();
        _socket = null;
        return ValueTask.CompletedTask;
    }
}
