using Bot.Core.Replies;

namespace Bot.Core.Persistence;

/// <summary>
/// Which variants of each reply a person heard, and when, so the bot does not say the same words again soon: never twice in a
/// row, and not within <see cref="Window"/> while the key has a fresh one. Stored whole as JSON with the conversation.
/// </summary>
public sealed record ReplyMemory(IReadOnlyDictionary<ReplyKey, int> LastVariant)
{
    public static readonly ReplyMemory Empty = new(new Dictionary<ReplyKey, int>());

    /// <summary>A variant a person heard is not said to them again for this long, while the key has a fresh one.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(7);

    /// <summary>Variants a key heard once a day needs so that one is always fresh: a week of days, and one to spare.</summary>
    public const int FreshVariants = 8;

    /// <summary>When each variant was last heard, per key; only the last <see cref="Window"/> is kept.</summary>
    public IReadOnlyDictionary<ReplyKey, IReadOnlyDictionary<int, DateTimeOffset>> Heard { get; init; } =
        new Dictionary<ReplyKey, IReadOnlyDictionary<int, DateTimeOffset>>();

    public int? Last(ReplyKey key) => LastVariant.TryGetValue(key, out var v) ? v : null;

    public ReplyMemory With(ReplyKey key, int variant) =>
        this with { LastVariant = new Dictionary<ReplyKey, int>(LastVariant) { [key] = variant } };

    /// <summary>The person heard <paramref name="variant"/> of <paramref name="key"/> at <paramref name="at"/>; older memories fall away.</summary>
    public ReplyMemory With(ReplyKey key, int variant, DateTimeOffset at)
    {
        var heard = new Dictionary<ReplyKey, IReadOnlyDictionary<int, DateTimeOffset>>();
        foreach (var (known, times) in Heard)
        {
            var recent = times.Where(t => at - t.Value < Window).ToDictionary(t => t.Key, t => t.Value);
            if (recent.Count > 0)
            {
                heard[known] = recent;
            }
        }

        heard[key] = new Dictionary<int, DateTimeOffset>(heard.GetValueOrDefault(key) ?? new Dictionary<int, DateTimeOffset>()) { [variant] = at };
        return With(key, variant) with { Heard = heard };
    }

    /// <summary>
    /// The variant to say next out of <paramref name="count"/>: one not heard within <see cref="Window"/> if there is one,
    /// else the one heard longest ago. Ties go round from <paramref name="seed"/>, so the choice is varied but repeatable.
    /// </summary>
    public int Choose(ReplyKey key, int count, int seed, DateTimeOffset now)
    {
        var times = Heard.GetValueOrDefault(key);
        var last = Last(key);
        var start = (int)((uint)seed % (uint)count);
        var best = start;
        var bestHeard = DateTimeOffset.MaxValue;
        for (var step = 0; step < count; step++)
        {
            var i = (start + step) % count;
            // The last variant said comes after every fresh one even when it is older than the window (or the memory was
            // written before times were kept), so nothing is ever said twice in a row.
            var heardAt = times is not null && times.TryGetValue(i, out var at) && now - at < Window
                ? at
                : i == last ? now - Window : DateTimeOffset.MinValue;
            if (heardAt < bestHeard)
            {
                best = i;
                bestHeard = heardAt;
            }
        }

        return best;
    }
}
