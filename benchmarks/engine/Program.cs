using System.Diagnostics;
using Bot.Core.Conversations;
using Bot.Core.Messaging;
using Bot.Core.People;
using Bot.Core.Persistence;
using Bot.Core.Replies;

// Turns per second of the pure engine on one core. Not a test: run with `dotnet run -c Release --project benchmarks/engine`.
// Three measurements over the same scripted check-ins (opener, mood, grounding beats, small step, close, plus resistance,
// "not today" and a crisis):
//   engine   CheckInEngine.Advance on pre-classified signals (the flow table alone)
//   planner  TurnPlanner.Plan: engine + copy rendering + history, i.e. everything a turn writes except the database
//   full     IntentClassifier.Classify (crisis detector included) + TurnPlanner.Plan, from raw text and button ids
if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
{
    Process.GetCurrentProcess().ProcessorAffinity = 1;
}

Thread.CurrentThread.Priority = ThreadPriority.Highest;

var script = Script.Steps;
var planner = new TurnPlanner(ReplyCatalog.English);
var chat = new ChatAddress(Platform.Telegram, "1");
var person = new PersonProfile { Id = Guid.Parse("0197e0c0-0000-7000-8000-000000000001"), CreatedAt = DateTimeOffset.UnixEpoch, Country = "GB" };
var start = new Conversation { Introduced = true, Step = CheckInStep.Idle };
var now = new DateTimeOffset(2026, 11, 23, 19, 0, 0, TimeSpan.Zero);

// Pre-classify once for the engine-only measurement (the classifier depends on the state the script reaches).
var signals = new Signal[script.Length];
{
    var c = start;
    for (var i = 0; i < script.Length; i++)
    {
        signals[i] = script[i].Signal ?? IntentClassifier.Classify(script[i].Text, script[i].Choice, c);
        c = CheckInEngine.Advance(c, signals[i], now.AddSeconds(i)).Next;
    }
}

long Engine(int rounds)
{
    long turns = 0;
    for (var r = 0; r < rounds; r++)
    {
        var c = start;
        for (var i = 0; i < signals.Length; i++)
        {
            c = CheckInEngine.Advance(c, signals[i], now.AddSeconds(i)).Next;
            turns++;
        }
    }

    return turns;
}

long Planner(int rounds)
{
    long turns = 0;
    for (var r = 0; r < rounds; r++)
    {
        var c = start;
        var memory = ReplyMemory.Empty;
        for (var i = 0; i < signals.Length; i++)
        {
            var decision = planner.Plan(new TurnContext(chat, person, c, memory, false), signals[i], now.AddSeconds(i), DeliveryLane.Reply);
            c = decision.Conversation;
            memory = decision.Replies;
            turns++;
        }
    }

    return turns;
}

long Full(int rounds)
{
    long turns = 0;
    for (var r = 0; r < rounds; r++)
    {
        var c = start;
        var memory = ReplyMemory.Empty;
        for (var i = 0; i < script.Length; i++)
        {
            var signal = script[i].Signal ?? IntentClassifier.Classify(script[i].Text, script[i].Choice, c);
            var decision = planner.Plan(new TurnContext(chat, person, c, memory, false), signal, now.AddSeconds(i), DeliveryLane.Reply);
            c = decision.Conversation;
            memory = decision.Replies;
            turns++;
        }
    }

    return turns;
}

Console.WriteLine($"Machine: {Environment.MachineName}, {Environment.ProcessorCount} logical cores visible, pinned to one; .NET {Environment.Version}");
Console.WriteLine($"Script: {script.Length} turns per round");
foreach (var (name, run) in new (string, Func<int, long>)[] { ("engine", Engine), ("planner", Planner), ("full", Full) })
{
    run(2_000); // warm-up: tiering and PGO
    var best = 0.0;
    for (var trial = 0; trial < 5; trial++)
    {
        var watch = Stopwatch.StartNew();
        var turns = 0L;
        while (watch.Elapsed < TimeSpan.FromSeconds(1))
        {
            turns += run(200);
        }

        best = Math.Max(best, turns / watch.Elapsed.TotalSeconds);
    }

    Console.WriteLine($"{name,-8} {best,14:N0} turns/s (best of 5 one-second trials, one core)");
}

internal static class Script
{
    public static readonly (string? Text, string? Choice, Signal? Signal)[] Steps =
    [
        (null, null, new Signal.CheckInDue()),
        ("honestly I don't deserve to be nice to myself", null, null),
        (null, "yes", null),
        (null, "next", null),
        (null, "next", null),
        (null, "next", null),
        (null, "next", null),
        (null, "yes", null),
        (null, "step:water", null),
        (null, null, new Signal.CheckInDue()),
        (null, "mood:bright", null),
        (null, "skip", null),
        ("not today", null, null),
        (null, null, new Signal.CheckInDue()),
        ("pretty tired today", null, null),
        (null, "yes", null),
        ("ugh this week killed me lol", null, null),
        (null, "done", null),
        (null, "no", null),
        (null, "step:rest", null),
        (null, null, new Signal.CheckInDue()),
        ("I want to kill myself", null, null),
        (null, "safe", null),
        (null, "not-today", null),
    ];
}
