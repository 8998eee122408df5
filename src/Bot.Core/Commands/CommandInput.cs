using Bot.Core.Messaging;

namespace Bot.Core.Commands;

/// <summary>What a person sent, already cleaned: a "/name arguments" command, a button id, or neither.</summary>
public sealed record CommandInput(string? Name, string Arguments, string? ChoiceId, string? Text)
{
    /// <summary>Private chat or shared channel: features that show personal data answer only in private.</summary>
    public ChatKind Kind { get; init; } = ChatKind.Private;

    /// <summary>The platform's id of the sender (for group input: to count an answer anonymously, never to store).</summary>
    public string? SenderId { get; init; }

    /// <summary>The sender administers this shared channel (a platform fact the adapter read).</summary>
    public bool SenderIsChatAdmin { get; init; }

    public static CommandInput From(string? text, string? choiceId)
    {
        if (text is not null && text.StartsWith('/') && text.Length > 1)
        {
            var parts = text[1..].Split(' ', 2, StringSplitOptions.TrimEntries);
            var name = parts[0].Split('@')[0].ToLowerInvariant();
            return new CommandInput(name, parts.Length > 1 ? parts[1] : "", choiceId, text);
        }

        return new CommandInput(null, "", choiceId, text);
    }
}
