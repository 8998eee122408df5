using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Bot.IntegrationTests.Scheduling.Replicas;

/// <summary>
/// A fake chat platform on loopback for the LoopbackPlatform sink: records every message, can be slow, and answers
/// 429 when it is sent to faster than its own limit (so a test or benchmark can count limit violations).
/// </summary>
public sealed class FakePlatformServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly ConcurrentQueue<Received> _received = new();
    private readonly Queue<long> _recentTicks = new();
    private readonly Lock _rateLock = new();
    private int _tooMany;

    public FakePlatformServer(TimeSpan? latency = null, double? refuseAbovePerSecond = null)
    {
        Port = FreePort();
        Url = $"http://127.0.0.1:{Port}/";
        Latency = latency ?? TimeSpan.Zero;
        RefuseAbovePerSecond = refuseAbovePerSecond;
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    public sealed record Received(string ChatId, string Key, string Text, long AtTicks);

    public int Port { get; }

    public string Url { get; }

    public TimeSpan Latency { get; }

    public double? RefuseAbovePerSecond { get; }

    public IReadOnlyCollection<Received> Messages => _received.ToArray();

    /// <summary>Raised for every message recorded, so a waiter need not copy and scan <see cref="Messages"/>.</summary>
    public event Action<Received>? Arrived;

    public int TooManyRequests => Volatile.Read(ref _tooMany);

    /// <summary>Answers "blocked" (403) for these chats, like a person who blocked the bot.</summary>
    public ConcurrentDictionary<string, bool> Blocked { get; } = new();

    public async Task<bool> WaitUntilAsync(Func<IReadOnlyCollection<Received>, bool> condition, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            if (condition(Messages))
            {
                return true;
            }

            await Task.Delay(100);
        }

        return condition(Messages);
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.InputStream);
            var chatId = document.RootElement.GetProperty("chatId").GetString() ?? "";
            var key = document.RootElement.GetProperty("key").GetString() ?? "";
            var text = document.RootElement.GetProperty("text").GetString() ?? "";
            if (Latency > TimeSpan.Zero)
            {
                await Task.Delay(Latency);
            }

            if (Blocked.ContainsKey(chatId))
            {
                context.Response.StatusCode = 403;
            }
            else if (OverLimit())
            {
                Interlocked.Increment(ref _tooMany);
                context.Response.StatusCode = 429;
                context.Response.AddHeader("Retry-After", "1");
            }
            else
            {
                var received = new Received(chatId, key, text, Stopwatch.GetTimestamp());
                _received.Enqueue(received);
                Arrived?.Invoke(received);
                context.Response.StatusCode = 200;
            }
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException)
        {
            context.Response.StatusCode = 400;
        }
        finally
        {
            context.Response.Close();
        }
    }

    /// <summary>A sliding one-second window with a 10% allowance, like a platform that tolerates short jitter.</summary>
    private bool OverLimit()
    {
        if (RefuseAbovePerSecond is not { } limit)
        {
            return false;
        }

        lock (_rateLock)
        {
            var now = Stopwatch.GetTimestamp();
            while (_recentTicks.Count > 0 && Stopwatch.GetElapsedTime(_recentTicks.Peek(), now) > TimeSpan.FromSeconds(1))
            {
                _recentTicks.Dequeue();
            }

            if (_recentTicks.Count >= Math.Ceiling(limit * 1.1))
            {
                return true;
            }

            _recentTicks.Enqueue(now);
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (ObjectDisposedException)
        {
            // Closed while accepting.
        }

        _stop.Dispose();
    }
}
