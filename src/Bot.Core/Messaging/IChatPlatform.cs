namespace Bot.Core.Messaging;

/// <summary>Driven port: one implementation per platform, registered only when that platform is enabled.</summary>
public interface IChatPlatform
{
    Platform Platform { get; }

    /// <param name="idempotencyKey">Stable per outbox row, for platforms that can drop a repeated send (Discord nonce).</param>
    Task<SendResult> SendAsync(OutboundMessage message, string idempotencyKey, CancellationToken cancellationToken);
}
