namespace Bot.Adapters.Discord.Gateway;

/// <summary>
/// Keeps one connection under Discord's 120 sends per 60 s. Ordinary sends stop at 115, leaving room for heartbeats,
/// which are never held back.
/// </summary>
internal sealed class GatewaySendLimiter(TimeProvider time)
{
    public const int Limit = 120;
    public const int OrdinaryLimit = 115;
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

    private readonly Lock _lock = new();
    private readonly Queue<DateTimeOffset> _sent = new();

    /// <summary>Zero when the send may go now (and it is counted), otherwise how long to wait before asking again.</summary>
    public TimeSpan TryTake(bool heartbeat)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            while (_sent.Count > 0 && now - _sent.Peek() >= Window)
            {
                _sent.Dequeue();
            }

            var limit = heartbeat ? Limit : OrdinaryLimit;
            if (_sent.Count >= limit)
            {
                return _sent.ElementAt(_sent.Count - limit) + Window - now;
            }

            _sent.Enqueue(now);
            return TimeSpan.Zero;
        }
    }

    public void Reset()
    {
        lock (_lock)
        {
            _sent.Clear();
        }
    }
}
