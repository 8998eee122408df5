using Bot.Core.Messaging;

namespace Bot.Host.Delivery;

/// <summary>Wakes the scheduled-lane delivery loop when the dispatcher has written check-ins.</summary>
public sealed class ScheduledLaneSignal : WakeSignal;
