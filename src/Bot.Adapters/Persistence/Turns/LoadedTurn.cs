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
    // What the conversation's JSON holds, once this process has written or read it: a person's next turn on kept rows
    // (RecentTurnRows) skips the parse. Keyed by the very string in the row, so a row changed any other way is read again.
    private Parsed<Conversation>? _state;
    private Parsed<ReplyMemory>? _replies;

    /// <summary>The state and reply memory the conversation row's JSON was just written from.</summary>
    internal void Wrote(Conversation state, ReplyMemory replies)
    {
        _state = new(Conversation.StateJson, state);
        _replies = new(Conversation.RepliesJson, replies);
    }

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
        Read(ref _state, Conversation.StateJson),
        Read(ref _replies, Conversation.RepliesJson),
        IsNewPerson)
    {
        OwnWords = OwnWords,
        Version = Conversation.Version,
    };

    private static T Read<T>(ref Parsed<T>? parsed, string json)
    {
        if (parsed is { } known && ReferenceEquals(known.Json, json))
        {
            return known.Value;
        }

        var value = StateJson.Read<T>(json);
        parsed = new(json, value);
        return value;
    }

    private sealed record Parsed<T>(string Json, T Value);
}
