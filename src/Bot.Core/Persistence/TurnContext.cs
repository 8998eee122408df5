using Bot.Core.Conversations;
using Bot.Core.Messaging;
using Bot.Core.People;

namespace Bot.Core.Persistence;

/// <summary>Everything a turn may read, as loaded before it decides.</summary>
public sealed record TurnContext(
    ChatAddress Chat,
    PersonProfile Person,
    Conversation Conversation,
    ReplyMemory Replies,
    bool IsNewPerson)
{
    /// <summary>Phrases the person chose to keep (their own words to a friend), to offer back; empty without consent.</summary>
    public IReadOnlyList<string> OwnWords { get; init; } = [];

    /// <summary>The conversation's version when it was loaded: the save fails with a conflict if it moved on since.</summary>
    public long Version { get; init; }
}
