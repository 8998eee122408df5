using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Bot.Testing.Telegram;

namespace Throughput.Benchmarks;

/// <summary>
/// Updates at a steady rate into the fake Bot API; latency = update queued -> first sendMessage to that chat. Each update
/// is a new person's first message: "/checkin" (no free text), or with <c>freeText</c> a sentence of 8–30 words, which
/// the crisis screen's semantic tier reads before anything else happens.
/// </summary>
internal static class LatencyRun
{
    private const long FirstPerson = 500_000_000;

    public static async Task RunAsync(string connectionString, int rate, int seconds, bool freeText = false)
    {
        await using var api = new FakeTelegramBotApi();
        await using var bot = HostRun.Start(connectionString, api, platformRate: 10_000);
        Func<int, string> text = freeText ? FreeTextSentences.For : _ => "/checkin";

        // Warm-up through the same path, then the measured run.
        await PaceAsync(api, bot, 0, rate, Math.Max(2, seconds / 2), text, report: false);
        await HostRun.AnalyzeAsync(connectionString);
        await PaceAsync(api, bot, 1_000_000, rate, seconds, text, report: true);
        await bot.StopAsync();
    }

    private static async Task PaceAsync(
        FakeTelegramBotApi api, Bot.Testing.RunningBot bot, int firstUpdate, int rate, int seconds, Func<int, string> text, bool report)
    {
        var queuedAt = new ConcurrentDictionary<long, long>();
        var firstReplyAt = new ConcurrentDictionary<long, long>();
        void OnCall(FakeCall call)
        {
            if (call.Method == "sendMessage" && FakeTelegramBotApi.Long(call.Body["chat_id"]) is var chat && queuedAt.ContainsKey(chat))
            {
                firstReplyAt.TryAdd(chat, call.ReceivedAt);
            }
        }

        api.Received += OnCall;
        var total = rate * seconds;
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < total; i++)
        {
            // Sleep, never spin, until the update is due: a spinning driver would take a core from the host it measures.
            // Due times are absolute, so the offered rate holds; latency counts from the moment the update is queued.
            var due = start + (long)(i * (double)Stopwatch.Frequency / rate);
            var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (left > TimeSpan.Zero)
            {
                await Task.Delay(left);
            }

            var person = FirstPerson + firstUpdate + i;
            var update = Updates.Text(firstUpdate + i + 1, text(i));
            var message = update["message"]!.AsObject();
            message["from"] = new JsonObject { ["id"] = person, ["is_bot"] = false, ["first_name"] = "P" };
            message["chat"] = new JsonObject { ["id"] = person, ["first_name"] = "P", ["type"] = "private" };
            queuedAt[person] = Stopwatch.GetTimestamp();
            api.Enqueue(update);
        }

        var offeredSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        await HostRun.WaitAsync(() => firstReplyAt.Count == total || bot.HasExited, "every chat answered");
        api.Received -= OnCall;
        if (!report)
        {
            return;
        }

        var inOrder = firstReplyAt
            .OrderBy(reply => queuedAt[reply.Key])
            .Select(reply => Stopwatch.GetElapsedTime(queuedAt[reply.Key], reply.Value).TotalMilliseconds)
            .ToArray();
        var firstReply = inOrder.Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"latency: {firstReply.Length} updates ({text(0).Split(' ').Length} words, ...) offered at {total / offeredSeconds:F0}/s; first reply p50 {Percentile(firstReply, 0.50):F1} ms, p99 {Percentile(firstReply, 0.99):F1} ms, max {firstReply[^1]:F1} ms"));

        // Whether the tail grows as the tables do: p99 of the first and the second half of the run, by queue time.
        var half = inOrder.Length / 2;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"latency: p99 first half {Percentile([.. inOrder[..half].Order()], 0.99):F1} ms, second half {Percentile([.. inOrder[half..].Order()], 0.99):F1} ms"));
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
