namespace Bot.Core.Messaging;

public sealed record OutboundMessage(ChatAddress Chat, string Text, IReadOnlyList<ReplyChoice> Choices)
{
    public OutboundAttachment? Attachment { get; init; }

    public static OutboundMessage Plain(ChatAddress chat, string text) => new(chat, text, []);
}
