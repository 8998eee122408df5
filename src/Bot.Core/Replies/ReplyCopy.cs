using Bot.Core.Messaging;

namespace Bot.Core.Replies;

/// <summary>The words for one reply key: several variants, and the buttons that go with it.</summary>
public sealed record ReplyCopy(IReadOnlyList<string> Variants, IReadOnlyList<ReplyChoice> Choices);
