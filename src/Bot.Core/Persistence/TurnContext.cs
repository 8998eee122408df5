using Bot.Core.Conversations;
using Bot.Core.Messaging;
using Bot.Core.People;

namespace Bot.Core.Persistence;

/// <summary>Everything a turn may read, loaded inside the turn's transaction.</summary>
public sealed record TurnContext(
    ChatAddress Chat,
    PersonProfile Person,
    Conversation Conversation,
    ReplyMemory Replies,
    bool IsNewPerson)
{
    /// <summary>Phrases the person chose to keep (their own words to a friend), to offer back; empty without consent.</summary>
    public IReadOnlyList<string> OwnWords { get; init; } = [];

    /// <summary>This turn is committed together with other people's turns: stores other than the context must not be written.</summary>
    public bool SharedTransaction { get; init; }
}
