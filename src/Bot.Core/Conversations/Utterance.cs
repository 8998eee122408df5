using Bot.Core.Replies;

namespace Bot.Core.Conversations;

/// <summary>One thing the bot says, by key; the copy lives in the reply catalog.</summary>
public sealed record Utterance(ReplyKey Key);
