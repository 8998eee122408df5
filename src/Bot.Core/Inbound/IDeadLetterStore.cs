using Bot.Core.Messaging;

namespace Bot.Core.Inbound;

/// <summary>Updates that failed every attempt, kept aside so they block no one. The raw payload is stored encrypted.</summary>
public interface IDeadLetterStore
{
    /// <summary>
    /// Parks the update, or, when it is already parked, adds the attempts and moves LastSeen and the error on.
    /// True only when it was not parked before.
    /// </summary>
    Task<bool> ParkAsync(DeadLetter letter, string? rawPayload, CancellationToken cancellationToken);

    Task<IReadOnlyList<DeadLetter>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The decrypted raw update; null when no such update is parked.</summary>
    Task<string?> ReadPayloadAsync(Platform platform, string updateId, CancellationToken cancellationToken);

    Task<bool> DropAsync(Platform platform, string updateId, CancellationToken cancellationToken);
}
