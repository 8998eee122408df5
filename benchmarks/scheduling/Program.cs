using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Bot.Adapters.Persistence;
using Bot.Host;
using Bot.IntegrationTests.Scheduling.Replicas;
using Bot.Testing;
using Npgsql;

// Scheduling benchmark (docs/benchmarks.md): N people scheduled, D of them due in the same second; one Bot.Host
// replica claims them into the outbox and delivers to a fake platform on loopback at the configured rate, while a
// few people keep talking to it. Run with ./run.sh [people] [due] [rate].
var people = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var due = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
var rate = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 100;
var hostPath = typeof(BotServices).Assembly.Location;

Console.WriteLine(Machine());
var runs = new List<Result>();
foreach (var (n, d) in new[] { (people / 10, due / 10), (people, due) })
{
    runs.Add(await RunAsync(n, d));
}

Console.WriteLine();
Console.WriteLine("| people | due at once | claimed into outbox | delivery rate (configured) | 429s | reply p50 / p99 / max (n) | host RSS idle / peak |");
Console.WriteLine("|---|---|---|---|---|---|---|");
foreach (var r in runs)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {r.People:N0} | {r.Due:N0} | {r.ClaimSeconds:F1} s | {r.Rate:F1}/s ({rate:F0}/s, {100 * r.Rate / rate:F1}%) | {r.TooMany} | {r.P50:F0} / {r.P99:F0} / {r.Max:F0} ms ({r.Replies}) | {r.IdleRssMb:F0} / {r.PeakRssMb:F0} MB |"));
}

return 0;

async Task<Result> RunAsync(int count, int dueCount)
{
    Console.WriteLine($"--- {count:N0} people, {dueCount:N0} due at once, {rate}/s");
    var server = await PostgresServer.GetAsync();
    await using var platform = new FakePlatformServer(latency: TimeSpan.FromMilliseconds(20), refuseAbovePerSecond: rate);
    var hostPort = FreePort.Next();
    var managementPort = FreePort.Next();
    var environment = new Dictionary<string, string>
    {
        ["ConnectionStrings__Postgres"] = await server.CreateDatabaseAsync("bench"),
        ["Storage__EncryptionKeys"] = FreeTextProtector.NewKeyRing("bench"),
        ["LoopbackPlatform__Url"] = platform.Url,
        ["Urls"] = $"http://127.0.0.1:{hostPort}",
        ["Management__Urls"] = $"http://127.0.0.1:{managementPort}",
        ["Scheduling__DispatchInterval"] = "00:00:01",
        ["Scheduling__BatchSize"] = Environment.GetEnvironmentVariable("BENCH_DISPATCH_BATCH") ?? "100",
        ["Scheduling__DispatchConcurrency"] = Environment.GetEnvironmentVariable("BENCH_DISPATCH_CONCURRENCY") ?? "1",
        ["Delivery__BatchSize"] = "200",
        ["Delivery__IdlePoll"] = "00:00:00.250",
        ["Delivery__Limits__Telegram__PerSecond"] = rate.ToString(CultureInfo.InvariantCulture),
    };
    var connectionString = environment["ConnectionStrings__Postgres"];
    var migrate = await BotProcess.RunAsync(hostPath, ["migrate"], environment: environment!);
    if (migrate.ExitCode != 0)
    {
        throw new InvalidOperationException(migrate.StandardError);
    }

    var placeholder = DateTimeOffset.UtcNow.AddDays(30);
    var seed = Stopwatch.StartNew();
    await DueCheckInSeeder.SeedAsync(connectionString, count, dueCount, placeholder);
    Console.WriteLine($"seeded in {seed.Elapsed.TotalSeconds:F1} s");

    await using var host = HostReplica.Start(hostPath, environment);
    using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{hostPort}/") };
    using (var management = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{managementPort}/") })
    {
        await WaitForHealthAsync(management);
    }

    await Task.Delay(TimeSpan.FromSeconds(3));
    var idleRss = RssMb(host.Id);

    var t0 = DateTimeOffset.UtcNow.AddSeconds(5);
    await ExecuteAsync(connectionString, "UPDATE schedules SET next_due_at = @t0, state_json = json_build_object('checkInAt', @t0)::text WHERE next_due_at = @placeholder", ("t0", t0), ("placeholder", placeholder));

    var peakRss = idleRss;
    using var stop = new CancellationTokenSource();
    var memory = Task.Run(async () =>
    {
        while (!stop.IsCancellationRequested)
        {
            peakRss = Math.Max(peakRss, RssMb(host.Id));
            await Task.Delay(250);
        }
    });
    var latencies = new List<double>();
    var slowest = new List<(double Ms, DateTimeOffset SentAt)>();
    var talkers = Enumerable.Range(0, 5).Select(i => TalkAsync(http, platform, $"talk{i}", t0, latencies, slowest, stop.Token)).ToArray();

    await Task.Delay(t0 - DateTimeOffset.UtcNow);
    var claim = Stopwatch.StartNew();
    while (await ScalarAsync(connectionString, "SELECT count(*) FROM outbox_messages WHERE lane = 1") < dueCount && claim.Elapsed < TimeSpan.FromMinutes(5))
    {
        await Task.Delay(50);
    }

    var claimSeconds = (DateTimeOffset.UtcNow - t0).TotalSeconds;
    Console.WriteLine($"claimed into outbox {claimSeconds:F1} s after they came due");

    var deadline = TimeSpan.FromSeconds(dueCount / rate * 2 + 60);
    await platform.WaitUntilAsync(m => m.Count(x => x.ChatId.StartsWith('c')) >= dueCount, deadline);
    await stop.CancelAsync();
    await Task.WhenAll(talkers.Append(memory).Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));

    var scheduled = platform.Messages.Where(m => m.ChatId.StartsWith('c')).OrderBy(m => m.AtTicks).ToArray();
    var lo = scheduled[scheduled.Length / 10].AtTicks;
    var hi = scheduled[scheduled.Length * 9 / 10].AtTicks;
    var steadyRate = (scheduled.Length * 8 / 10) / Stopwatch.GetElapsedTime(lo, hi).TotalSeconds;
    Console.WriteLine($"delivered {scheduled.Length:N0}, distinct {scheduled.Select(m => m.ChatId).Distinct().Count():N0}, steady rate {steadyRate:F1}/s, 429s {platform.TooManyRequests}");

    latencies.Sort();
    var tail = string.Join(", ", slowest.OrderByDescending(r => r.Ms).Take(5).Select(r => $"{r.Ms:F0} ms at {(r.SentAt - t0).TotalSeconds:F1} s"));
    Console.WriteLine($"slowest replies (sent how long after the check-ins came due): {tail}");
    double Percentile(double p) => latencies.Count == 0 ? double.NaN : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)];
    return new Result(count, dueCount, claimSeconds, steadyRate, platform.TooManyRequests, Percentile(0.5), Percentile(0.99), latencies.Count == 0 ? double.NaN : latencies[^1], latencies.Count, idleRss, peakRss);
}

static async Task TalkAsync(HttpClient http, FakePlatformServer platform, string chat, DateTimeOffset burstStart, List<double> latencies, List<(double Ms, DateTimeOffset SentAt)> slowest, CancellationToken stop)
{
    var sequence = 0;
    while (!stop.IsCancellationRequested)
    {
        // Waits on the fake's event: copying and scanning its growing message list every millisecond (as this loop once
        // did) took a good part of a core from the host being measured.
        var reply = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnArrived(FakePlatformServer.Received message)
        {
            if (message.ChatId == chat)
            {
                reply.TrySetResult(message.AtTicks);
            }
        }

        platform.Arrived += OnArrived;
        var sentAt = Stopwatch.GetTimestamp();
        var sentAtClock = DateTimeOffset.UtcNow;
        long received;
        try
        {
            using var response = await http.PostAsJsonAsync("loopback/inbound", new { chatId = chat, userId = chat, messageId = $"{chat}-{++sequence}", text = "/settings" }, stop);
            response.EnsureSuccessStatusCode();
            received = await reply.Task.WaitAsync(stop);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        finally
        {
            platform.Arrived -= OnArrived;
        }

        // Only replies during the burst count; the messages before it (a first contact, cold code paths) warm up.
        if (sentAtClock >= burstStart)
        {
            lock (latencies)
            {
                latencies.Add(Stopwatch.GetElapsedTime(sentAt, received).TotalMilliseconds);
                slowest.Add((latencies[^1], sentAtClock));
            }
        }

        await Task.Delay(TimeSpan.FromSeconds(1.5), stop).ContinueWith(_ => { }, TaskScheduler.Default);
    }
}

static async Task WaitForHealthAsync(HttpClient http)
{
    var watch = Stopwatch.StartNew();
    while (watch.Elapsed < TimeSpan.FromSeconds(60))
    {
        try
        {
            using var response = await http.GetAsync("healthz");
            if (response.IsSuccessStatusCode)
            {
                return;
            }
        }
        catch (HttpRequestException)
        {
            // Not listening yet.
        }

        await Task.Delay(200);
    }

    throw new TimeoutException("Bot.Host did not become healthy.");
}

static async Task ExecuteAsync(string connectionString, string sql, params (string Name, object Value)[] parameters)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection);
    foreach (var (name, value) in parameters)
    {
        command.Parameters.AddWithValue(name, value);
    }

    await command.ExecuteNonQueryAsync();
}

static async Task<long> ScalarAsync(string connectionString, string sql)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection);
    return (long)(await command.ExecuteScalarAsync())!;
}

static double RssMb(int pid)
{
    try
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }
    catch (IOException)
    {
        return 0;
    }
}

static string Machine()
{
    var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim();
    var memory = File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
    return $"machine: {Environment.ProcessorCount} cores, {cpu}, {long.Parse(memory, CultureInfo.InvariantCulture) / 1024 / 1024} GB RAM, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}";
}

internal sealed record Result(
    int People, int Due, double ClaimSeconds, double Rate, int TooMany, double P50, double P99, double Max, int Replies, double IdleRssMb, double PeakRssMb);
