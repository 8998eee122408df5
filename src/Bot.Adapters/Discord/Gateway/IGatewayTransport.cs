namespace Bot.Adapters.Discord.Gateway;

/// <summary>The socket seam: whole JSON messages in and out. One connection at a time; ConnectAsync replaces the previous one.</summary>
public interface IGatewayTransport : IAsyncDisposable
{
    Task ConnectAsync(Uri uri, CancellationToken cancellationToken);

    /// <summary>Callers serialise sends; only one may be in flight.</summary>
    Task SendAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken);

    /// <summary>Reads until a whole message arrived (it may span several frames). Never throws for a dropped connection.</summary>
    Task<GatewayFrame> ReceiveAsync(CancellationToken cancellationToken);

    /// <summary>Closes with a code (4000 keeps the session resumable, 1000 ends it); gives up and aborts after a short wait.</summary>
    Task CloseAsync(int closeCode, CancellationToken cancellationToken);
}
