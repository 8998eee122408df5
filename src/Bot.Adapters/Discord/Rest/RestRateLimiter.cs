namespace Bot.Adapters.Discord.Rest;

/// <summary>
/// Keeps REST calls inside Discord's limits before they are hit: per-route buckets learned from X-RateLimit-* headers
/// (route -> bucket hash, keyed with the major parameter), one request in flight per bucket, a global gate of 50/s plus
/// global 429 pauses, and a guard that stops calling before 10,000 invalid requests (401/403/429) in 10 minutes.
/// </summary>
internal sealed class RestRateLimiter(TimeProvider time)
{
    public const int GlobalPerSecond = 50;
    public static readonly TimeSpan InvalidWindow = TimeSpan.FromMinutes(10);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, string> _routeToHash = [];
    private readonly Dictionary<string, Bucket> _buckets = [];
    private readonly Queue<DateTimeOffset> _recentSends = new();
    private readonly Queue<DateTimeOffset> _invalidRequests = new();
    private DateTimeOffset _globalUntil = DateTimeOffset.MinValue;
    private long _acquisitions;

    /// <summary>Stays well below Discord's 10,000 so a burst of failures cannot earn a Cloudflare ban.</summary>
    public int InvalidRequestBudget { get; init; } = 8000;

    public bool Unauthorized { get; private set; }

    public DateTimeOffset? GlobalPauseUntil
    {
        get
        {
            lock (_lock)
            {
                return _globalUntil > time.GetUtcNow() ? _globalUntil : null;
            }
        }
    }

    public int InvalidRequestCount
    {
        get
        {
            lock (_lock)
            {
                TrimInvalid(time.GetUtcNow());
                return _invalidRequests.Count;
            }
        }
    }

    /// <summary>Waits until a request on this route may go out. Null when calls must not be made at all (401 seen, or invalid budget spent).</summary>
    public async Task<Lease?> AcquireAsync(string route, string majorParameter, bool exemptFromGlobal, CancellationToken cancellationToken)
    {
        Bucket bucket;
        lock (_lock)
        {
            if (++_acquisitions % 1000 == 0)
            {
                DropIdleBuckets(time.GetUtcNow());
            }

            var key = _routeToHash.TryGetValue(route, out var hash) ? $"{hash}:{majorParameter}" : $"{route}:{majorParameter}";
            if (!_buckets.TryGetValue(key, out bucket!))
            {
                bucket = new Bucket();
                _buckets[key] = bucket;
            }
        }

        await bucket.Gate.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                TimeSpan wait;
                lock (_lock)
                {
                    var now = time.GetUtcNow();
                    TrimInvalid(now);
                    if (Unauthorized || _invalidRequests.Count >= InvalidRequestBudget)
                    {
                        bucket.Gate.Release();
                        return null;
                    }

                    wait = bucket.Remaining <= 0 && bucket.ResetAt > now ? bucket.ResetAt - now : TimeSpan.Zero;
                    if (!exemptFromGlobal)
                    {
                        if (_globalUntil > now)
                        {
                            wait = Max(wait, _globalUntil - now);
                        }

                        while (_recentSends.Count > 0 && now - _recentSends.Peek() >= TimeSpan.FromSeconds(1))
                        {
                            _recentSends.Dequeue();
                        }

                        if (_recentSends.Count >= GlobalPerSecond)
                        {
                            wait = Max(wait, _recentSends.Peek().AddSeconds(1) - now);
                        }
                    }

                    if (wait <= TimeSpan.Zero)
                    {
                        if (!exemptFromGlobal)
                        {
                            _recentSends.Enqueue(now);
                        }

                        if (bucket.Remaining > 0)
                        {
                            bucket.Remaining--;
                        }

                        return new Lease(this, bucket, route, majorParameter);
                    }
                }

                await Task.Delay(wait, time, cancellationToken);
            }
        }
        catch
        {
            bucket.Gate.Release();
            throw;
        }
    }

    public void PauseAll(TimeSpan retryAfter)
    {
        lock (_lock)
        {
            var until = time.GetUtcNow() + retryAfter;
            if (until > _globalUntil)
            {
                _globalUntil = until;
            }
        }
    }

    public void RecordInvalid()
    {
        lock (_lock)
        {
            _invalidRequests.Enqueue(time.GetUtcNow());
        }
    }

    public void MarkUnauthorized() => Unauthorized = true;

    /// <summary>How long until the invalid-request guard lets calls through again.</summary>
    public TimeSpan InvalidGuardRemaining()
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            TrimInvalid(now);
            return _invalidRequests.Count >= InvalidRequestBudget ? _invalidRequests.Peek() + InvalidWindow - now : TimeSpan.Zero;
        }
    }

    private void Update(Bucket bucket, string route, string majorParameter, HttpResponseHeadersView headers)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            var target = bucket;
            if (headers.Bucket is { } hash)
            {
                _routeToHash[route] = hash;
                var key = $"{hash}:{majorParameter}";
                if (!_buckets.TryGetValue(key, out target!))
                {
                    target = bucket;
                    _buckets[key] = bucket;
                }
            }

            foreach (var b in target == bucket ? [bucket] : new[] { bucket, target })
            {
                if (headers.Remaining is { } remaining)
                {
                    b.Remaining = remaining;
                }

                if (headers.ResetAfter is { } resetAfter)
                {
                    b.ResetAt = now + resetAfter;
                }

                if (headers.RetryAfter is { } retryAfter && !headers.Global)
                {
                    b.Remaining = 0;
                    b.ResetAt = now + retryAfter;
                }
            }
        }
    }

    /// <summary>One bucket per DM channel would otherwise pile up; a bucket idle past its reset holds nothing worth keeping.</summary>
    private void DropIdleBuckets(DateTimeOffset now)
    {
        foreach (var (key, bucket) in _buckets.Where(b => b.Value.Gate.CurrentCount == 1 && b.Value.ResetAt < now - TimeSpan.FromMinutes(1)).ToList())
        {
            _buckets.Remove(key);
        }
    }

    private void TrimInvalid(DateTimeOffset now)
    {
        while (_invalidRequests.Count > 0 && now - _invalidRequests.Peek() >= InvalidWindow)
        {
            _invalidRequests.Dequeue();
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    internal sealed class Bucket
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public int Remaining { get; set; } = 1;

        public DateTimeOffset ResetAt { get; set; } = DateTimeOffset.MinValue;
    }

    /// <summary>Holds the bucket until the answer's headers are applied, so the next request sees the fresh limits.</summary>
    internal sealed class Lease(RestRateLimiter limiter, Bucket bucket, string route, string majorParameter) : IDisposable
    {
        private bool _released;

        public void Complete(HttpResponseHeadersView headers) => limiter.Update(bucket, route, majorParameter, headers);

        public void Dispose()
        {
            if (!_released)
            {
                _released = true;
                bucket.Gate.Release();
            }
        }
    }
}
