namespace Bot.Core.Messaging;

/// <summary>Wakes the delivery worker as soon as a turn has committed messages to the outbox.</summary>
public interface IOutboxSignal
{
    void Notify();

    Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken);
}
