namespace Bot.Core.Messaging;

/// <summary>Wakes the delivery worker as soon as a turn has committed messages to the outbox.</summary>
public sealed class OutboxSignal : WakeSignal, IOutboxSignal;
