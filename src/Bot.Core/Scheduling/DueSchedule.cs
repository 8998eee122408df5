using Bot.Core.Conversations;
using Bot.Core.Messaging;
using Bot.Core.People;
using Bot.Core.Persistence;

namespace Bot.Core.Scheduling;

/// <summary>One claimed schedule and everything needed to decide about it, as read when it was claimed.</summary>
/// <param name="Chat">Where to reach the person; null when every platform told us they are unreachable.</param>
public sealed record DueSchedule(
    CheckInSchedule Schedule,
    PersonProfile Person,
    ChatAddress? Chat,
    Conversation Conversation,
    ReplyMemory Replies)
{
    /// <summary>The conversation's version at the claim: the decision is saved only if it has not moved on since.</summary>
    public long Version { get; init; }
}
