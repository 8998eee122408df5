using System.Diagnostics.Metrics;
using Bot.Core.Messaging;

namespace Bot.Core.Observability;

/// <summary>Counts what the bot does, never what people say: no text, no names, no ids in any tag.</summary>
public sealed class BotMetrics : IDisposable
{
    public const string MeterName = "CompassionBot";

    private readonly Meter _meter;
    private readonly Counter<long> _messagesIn;
    private readonly Counter<long> _messagesOut;
    private readonly Counter<long> _rateLimited;
    private readonly Counter<long> _crisisResponses;
    private readonly Counter<long> _checkInsDue;
    private readonly Counter<long> _checkInsSent;
    private readonly Counter<long> _floodNotes;
    private readonly Counter<long> _parked;

    public BotMetrics()
    {
        _meter = new Meter(MeterName);
        _messagesIn = _meter.CreateCounter<long>("compassionbot.messages.in", description: "Inbound messages handled");
        _messagesOut = _meter.CreateCounter<long>("compassionbot.messages.out", description: "Messages delivered to a platform");
        _rateLimited = _meter.CreateCounter<long>("compassionbot.platform.rate_limited", description: "429 answers from a platform");
        _crisisResponses = _meter.CreateCounter<long>("compassionbot.crisis.responses", description: "Crisis responses given");
        _checkInsDue = _meter.CreateCounter<long>("compassionbot.checkins.due", description: "Scheduled check-ins that came due");
        _checkInsSent = _meter.CreateCounter<long>("compassionbot.checkins.sent", description: "Scheduled check-ins delivered");
        _floodNotes = _meter.CreateCounter<long>("compassionbot.flood.slowed", description: "Messages slowed by the per-person flood guard");
        _parked = _meter.CreateCounter<long>("compassionbot.inbound.parked", description: "Inbound updates parked in the dead-letter table after failing every attempt");
    }

    public void MessageIn(Platform platform) => _messagesIn.Add(1, Tag(platform));

    public void MessageOut(Platform platform) => _messagesOut.Add(1, Tag(platform));

    public void RateLimited(Platform platform) => _rateLimited.Add(1, Tag(platform));

    public void CrisisResponse(Platform platform) => _crisisResponses.Add(1, Tag(platform));

    public void CheckInsDue(int count) => _checkInsDue.Add(count);

    public void CheckInSent(Platform platform) => _checkInsSent.Add(1, Tag(platform));

    public void FloodSlowed(Platform platform) => _floodNotes.Add(1, Tag(platform));

    public void Parked(Platform platform) => _parked.Add(1, Tag(platform));

    /// <summary>For gauges whose value comes from elsewhere (outbox depth and age, sampled from the store).</summary>
    public void ObserveGauge(string name, string description, Func<double> read) =>
        _meter.CreateObservableGauge(name, read, description: description);

    public void Dispose() => _meter.Dispose();

    private static KeyValuePair<string, object?> Tag(Platform platform) => new("platform", platform.ToString().ToLowerInvariant());
}
