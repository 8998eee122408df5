using Bot.Core.Messaging;

namespace Bot.Core.Community;

/// <summary>Driven port: posts the daily community message (with its buttons) to a shared channel on one platform.</summary>
public interface ICommunityPoster
{
    Platform Platform { get; }

    /// <param name="idempotencyKey">The same for every attempt at one channel's post of one day.</param>
    Task<SendResult> PostAsync(ChatAddress channel, CommunityPost post, string idempotencyKey, CancellationToken cancellationToken);
}
