using Bot.Core.Replies;

namespace Bot.Core.Persistence;

/// <summary>Which variant of each reply a person heard last, so the bot never repeats itself twice in a row.</summary>
public sealed record ReplyMemory(IReadOnlyDictionary<ReplyKey, int> LastVariant)
{
    public static readonly ReplyMemory Empty = new(new Dictionary<ReplyKey, int>());

    public int? Last(ReplyKey key) => LastVariant.TryGetValue(key, out var v) ? v : null;

    public ReplyMemory With(ReplyKey key, int variant) =>
        new(new Dictionary<ReplyKey, int>(LastVariant) { [key] = variant });
}
