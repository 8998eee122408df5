using Bot.Core.Community;

namespace Bot.Core.Messaging;

public sealed record OutboundMessage(ChatAddress Chat, string Text, IReadOnlyList<ReplyChoice> Choices)
{
    public OutboundAttachment? Attachment { get; init; }

    /// <summary>
    /// Carries the person's own data (their words, a one-time code, an export): the outbox drops it once delivered
    /// instead of keeping the sent copy. Messages with an attachment are always treated this way.
    /// </summary>
    public bool Personal { get; init; }

    /// <summary>The daily community post: each platform renders its own text and buttons around it.</summary>
    public CommunityPost? CommunityPost { get; init; }

    public static OutboundMessage Plain(ChatAddress chat, string text) => new(chat, text, []);

    public static OutboundMessage Community(ChatAddress chat, CommunityPost post) => new(chat, "", []) { CommunityPost = post };
}
