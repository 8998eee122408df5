using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Bot.Testing.Telegram;

/// <summary>One Bot API request as the fake received it: the method name, the JSON body and when it arrived.</summary>
public sealed record FakeCall(string Method, JsonObject Body)
{
    /// <summary><see cref="Stopwatch.GetTimestamp"/> when the request was read; the latency benchmark measures to here.</summary>
    public long ReceivedAt { get; } = Stopwatch.GetTimestamp();
}
