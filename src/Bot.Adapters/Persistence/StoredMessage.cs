using Bot.Core.Community;
using Bot.Core.Messaging;

namespace Bot.Adapters.Persistence;

/// <summary>The outbox payload: what to say, without the address (which has its own columns).</summary>
internal sealed record StoredMessage(
    string Text, IReadOnlyList<ReplyChoice> Choices, OutboundAttachment? Attachment = null, CommunityPost? CommunityPost = null)
{
    public static StoredMessage From(OutboundMessage message) => new(message.Text, message.Choices, message.Attachment, message.CommunityPost);

    public OutboundMessage To(ChatAddress chat) => new(chat, Text, Choices) { Attachment = Attachment, CommunityPost = CommunityPost };
}
