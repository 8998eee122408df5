using System.Collections.Concurrent;
using Bot.Core.Community;
using Bot.Core.Messaging;

namespace Bot.IntegrationTests.Community;

/// <summary>A platform end for community posts that keeps every post it was asked to make (thread-safe).</summary>
public sealed class CountingCommunityPoster(Platform platform) : ICommunityPoster
{
    private readonly ConcurrentQueue<(ChatAddress Channel, CommunityPost Post)> _posts = new();

    public Platform Platform => platform;

    public IReadOnlyList<(ChatAddress Channel, CommunityPost Post)> Posts => [.. _posts];

    public async Task<SendResult> PostAsync(ChatAddress channel, CommunityPost post, string idempotencyKey, CancellationToken cancellationToken)
    {
        // Yield so concurrent dispatchers interleave between claim and send.
        await Task.Yield();
        _posts.Enqueue((channel, post));
        return SendResult.Sent;
    }
}
