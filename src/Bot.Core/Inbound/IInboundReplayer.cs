using Bot.Core.Messaging;

namespace Bot.Core.Inbound;

/// <summary>Runs a parked raw update through its platform's processing again (`dead-letters retry`); throws if it fails again.</summary>
public interface IInboundReplayer
{
    Platform Platform { get; }

    Task ReplayAsync(string rawPayload, CancellationToken cancellationToken);
}
