using Bot.Core.Replies;

namespace Bot.Core.Conversations;

/// <param name="From">The step the row applies to; null for an interrupt, which applies from every step.</param>
/// <param name="To">The next step; null to stay (or to let the action decide, for beats and resumes).</param>
public sealed record FlowRow(CheckInStep? From, Intent On, CheckInStep? To, FlowAction Act, IReadOnlyList<ReplyKey> Say);
