using Bot.Core.Messaging;

namespace Bot.Core.Tests.Community;

/// <summary>An enabled platform that must never be called: community posts are sent by outbox delivery, not by the dispatcher.</summary>
public sealed class EnabledPlatform(Platform platform) : IChatPlatform
{
    public Platform Platform => platform;

    public Task<SendResult> SendAsync(OutboundMessage message, string idempotencyKey, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("Only outbox delivery sends.");
}
