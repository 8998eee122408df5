namespace Bot.Core.Messaging;

/// <summary>A platform-neutral message from a person: free text, a button press, or both.</summary>
/// <param name="PlatformMessageId">Dedupe key, unique per platform and chat (update id, message id, interaction id).</param>
public sealed record InboundMessage(
    ChatAddress Chat,
    string SenderId,
    string PlatformMessageId,
    DateTimeOffset SentAt,
    string? Text,
    string? ChoiceId)
{
    public ChatKind Kind { get; init; } = ChatKind.Private;

    /// <summary>
    /// A platform fact the adapter reads (Telegram: administrator or creator of the group; Discord: Manage Server):
    /// Core decides what only admins may do.
    /// </summary>
    public bool SenderIsChatAdmin { get; init; }
}
