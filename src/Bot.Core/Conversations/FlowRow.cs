using Bot.Core.Replies;

namespace Bot.Core.Conversations;

public sealed record FlowRow(CheckInStep From, Intent On, CheckInStep To, ReplyKey Say);
