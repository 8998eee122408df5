namespace Bot.Adapters.Discord.Gateway;

/// <summary>One whole message from the gateway, or the end of the connection (CloseCode null: dropped without a close frame).</summary>
public sealed record GatewayFrame(byte[]? Payload, int? CloseCode)
{
    public bool IsClosed => Payload is null;

    public static GatewayFrame Message(byte[] payload) => new(payload, null);

    public static GatewayFrame Closed(int? closeCode) => new(null, closeCode);
}
