using Bot.Core.Community;
using Bot.Core.Messaging;

namespace Bot.Core.Tests.Community;

public sealed class RecordingCommunityPoster(Platform platform) : ICommunityPoster
{
    public List<(ChatAddress Channel, CommunityPost Post, string Key)> Posts { get; } = [];

    /// <summary>What the platform answers next; Sent by default.</summary>
    public SendResult Answer { get; set; } = SendResult.Sent;

    public Platform Platform => platform;

    public Task<SendResult> PostAsync(ChatAddress channel, CommunityPost post, string idempotencyKey, CancellationToken cancellationToken)
    {
        Posts.Add((channel, post, idempotencyKey));
        return Task.FromResult(Answer);
    }
}
