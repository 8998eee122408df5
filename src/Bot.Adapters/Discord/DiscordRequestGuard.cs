namespace Bot.Adapters.Discord;

/// <summary>
/// What Discord.Net does not do for us: after a 401 stop calling Discord at all; after a Cloudflare ban (a 429 without
/// Discord's Via header) or a global 429, hold every request until the wait is over; and keep under Discord's budget of
/// 10,000 invalid requests (401, 403, 429) per 10 minutes, past which the whole IP is banned for a while.
/// </summary>
public sealed class DiscordRequestGuard(TimeProvider time)
{
    public static readonly TimeSpan InvalidWindow = TimeSpan.FromMinutes(10);

    private readonly Queue<DateTimeOffset> _invalid = new();
    private DateTimeOffset? _pauseUntil;

    /// <summary>Kept well under Discord's 10,000, so a burst of closed DMs cannot get the bot banned.</summary>
    public int InvalidRequestBudget { get; init; } = 5000;

    public bool Unauthorized { get; private set; }

    public bool CloudflareBanned { get; private set; }

    public DateTimeOffset? GlobalPauseUntil
    {
        get
        {
            lock (_invalid)
            {
                return _pauseUntil > time.GetUtcNow() ? _pauseUntil : null;
            }
        }
    }

    public int InvalidRequestCount
    {
        get
        {
            lock (_invalid)
            {
                Expire();
                return _invalid.Count;
            }
        }
    }

    /// <summary>Why no request may go out now, or null when one may.</summary>
    public string? Refusal()
    {
        if (Unauthorized)
        {
            return "the bot token was rejected (401)";
        }

        lock (_invalid)
        {
            Expire();
            return _invalid.Count >= InvalidRequestBudget ? "too many invalid requests in 10 minutes" : null;
        }
    }

    public void MarkUnauthorized() => Unauthorized = true;

    public void RecordInvalid()
    {
        lock (_invalid)
        {
            _invalid.Enqueue(time.GetUtcNow());
        }
    }

    public void Pause(TimeSpan wait, bool cloudflare)
    {
        lock (_invalid)
        {
            var until = time.GetUtcNow() + wait;
            _pauseUntil = _pauseUntil > until ? _pauseUntil : until;
            CloudflareBanned |= cloudflare;
        }
    }

    private void Expire()
    {
        var cutoff = time.GetUtcNow() - InvalidWindow;
        while (_invalid.TryPeek(out var oldest) && oldest <= cutoff)
        {
            _invalid.Dequeue();
        }
    }
}
