using Bot.Core.Conversations;
using Bot.Core.Messaging;
using Bot.Core.People;
using Bot.Core.Persistence;

namespace Bot.Core.Scheduling;

/// <summary>One claimed schedule and everything needed to decide about it, loaded inside the claim's transaction.</summary>
/// <param name="Chat">Where to reach the person; null when every platform told us they are unreachable.</param>
public sealed record DueSchedule(
    CheckInSchedule Schedule,
    PersonProfile Person,
    ChatAddress? Chat,
    Conversation Conversation,
    ReplyMemory Replies);
