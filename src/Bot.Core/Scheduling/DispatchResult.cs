using Bot.Core.Conversations;
using Bot.Core.Messaging;
using Bot.Core.Persistence;

namespace Bot.Core.Scheduling;

/// <summary>What the dispatcher decided for one claimed schedule, saved with the others of its claim.</summary>
public sealed record DispatchResult(
    CheckInSchedule Schedule,
    Conversation Conversation,
    ReplyMemory Replies,
    IReadOnlyList<OutboundMessage> Outbox,
    IReadOnlyList<HistoryEntry> History);
