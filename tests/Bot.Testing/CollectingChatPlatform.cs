using System.Collections.Concurrent;
using Bot.Core.Messaging;

namespace Bot.Testing;

/// <summary>A platform that keeps what it was asked to send, for end-to-end tests of the handler and the outbox.</summary>
public sealed class CollectingChatPlatform(Platform platform = Platform.Telegram) : IChatPlatform
{
    private readonly ConcurrentQueue<(OutboundMessage Message, string Key)> _sent = new();

    public Platform Platform { get; } = platform;

    public Func<OutboundMessage, SendResult> Respond { get; set; } = _ => SendResult.Sent;

    public IReadOnlyList<OutboundMessage> Sent => _sent.Select(s => s.Message).ToArray();

    public IReadOnlyList<string> IdempotencyKeys => _sent.Select(s => s.Key).ToArray();

    public Task<SendResult> SendAsync(OutboundMessage message, string idempotencyKey, CancellationToken cancellationToken)
    {
        var result = Respond(message);
        if (result.Status == SendStatus.Sent)
        {
            _sent.Enqueue((message, idempotencyKey));
        }

        return Task.FromResult(result);
    }
}
