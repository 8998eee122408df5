using Bot.Core.Conversations;
using Bot.Core.Messaging;
using Bot.Core.People;

namespace Bot.Core.Persistence;

/// <summary>Everything a turn writes, saved in one transaction: state, history and the outbox.</summary>
/// <param name="CheckIns">Set when the person agreed (or declined) scheduled check-ins or chose a time; null for no change.</param>
public sealed record TurnDecision(
    PersonProfile Person,
    Conversation Conversation,
    ReplyMemory Replies,
    IReadOnlyList<HistoryEntry> History,
    IReadOnlyList<OutboundMessage> Outbox,
    DeliveryLane Lane,
    ScheduleChange Schedule,
    CheckInPreference? CheckIns = null)
{
    /// <summary>
    /// /forget confirmed: the store deletes every row about the person (all linked accounts, dedupe markers and
    /// outbox rows of their chats) instead of saving state and history; <see cref="Outbox"/> is still sent, once.
    /// </summary>
    public bool ForgetPerson { get; init; }

    /// <summary>
    /// A phrase the person agreed, in this turn, to have kept and offered back later: saved encrypted, and their consent
    /// recorded. Ask first; never set it without a yes.
    /// </summary>
    public string? KeepOwnWords { get; init; }

    /// <summary>The person agreed to one follow-up after a crisis response (or it is done): the dispatcher delivers it then.</summary>
    public SafetyFollowUpRequest? SafetyFollowUp { get; init; }

    /// <summary>Changes to the person's other records (schedule, safety plan, link codes, ...), saved with the turn.</summary>
    public IReadOnlyList<TurnWrite> Writes { get; init; } = [];

    /// <summary>Set by a crisis response: scheduled check-ins (not the opt-in follow-up) wait until then.</summary>
    public DateTimeOffset? SafetyPauseUntil { get; init; }
}

public enum ScheduleChange
{
    None = 0,
    Pause = 1,
    Resume = 2,
}
