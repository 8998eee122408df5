namespace Bot.Core.Messaging;

public sealed record OutboundMessage(ChatAddress Chat, string Text, IReadOnlyList<ReplyChoice> Choices)
{
    public OutboundAttachment? Attachment { get; init; }

    /// <summary>
    /// Carries the person's own data (their words, a one-time code, an export): the outbox drops it once delivered
    /// instead of keeping the sent copy. Messages with an attachment are always treated this way.
    /// </summary>
    public bool Personal { get; init; }

    public static OutboundMessage Plain(ChatAddress chat, string text) => new(chat, text, []);
}
