namespace Bot.Core.Messaging;

/// <summary>Driving port: adapters call this for every message they map.</summary>
public interface IInboundMessageHandler
{
    Task<HandleOutcome> HandleAsync(InboundMessage message, CancellationToken cancellationToken);
}

public enum HandleOutcome
{
    Handled = 0,
    Duplicate = 1,
    Ignored = 2,
}
