using Bot.Core.Conversations;
using Bot.Core.Messaging;
using Bot.Core.Persistence;

namespace Bot.Core.Scheduling;

/// <summary>What the dispatcher writes for one claimed schedule, in the same transaction as the claim.</summary>
public sealed record DispatchResult(
    CheckInSchedule Schedule,
    Conversation Conversation,
    ReplyMemory Replies,
    IReadOnlyList<OutboundMessage> Outbox,
    IReadOnlyList<HistoryEntry> History);
