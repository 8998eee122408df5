using Bot.Adapters.Persistence.Entities;
using Bot.Core.Conversations;
using Bot.Core.Messaging;
using Bot.Core.People;
using Bot.Core.Persistence;

namespace Bot.Adapters.Persistence.Turns;

/// <summary>The rows one person's turn reads and writes.</summary>
internal sealed record LoadedTurn(
    PlatformIdentityRow Identity,
    PersonRow Person,
    ConversationRow Conversation,
    bool IsNewPerson,
    IReadOnlyList<string> OwnWords)
{
    public TurnContext ToContext(ChatAddress chat) => new(
        chat,
        new PersonProfile
        {
            Id = Person.Id,
            CreatedAt = Person.CreatedAt,
            Locale = Person.Locale,
            TimeZone = Person.TimeZone,
            Country = Person.Country,
        },
        StateJson.Read<Conversation>(Conversation.StateJson),
        StateJson.Read<ReplyMemory>(Conversation.RepliesJson),
        IsNewPerson)
    {
        OwnWords = OwnWords,
        Version = Conversation.Version,
    };
}
