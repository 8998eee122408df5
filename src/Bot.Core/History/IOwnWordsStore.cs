namespace Bot.Core.History;

/// <summary>
/// The person's own words: phrases they would say to a friend, kept only with their consent, to offer back in later
/// check-ins. The check-in engine asks and offers; this port keeps them (encrypted at rest).
/// </summary>
public interface IOwnWordsStore
{
    Task<bool> HasConsentAsync(Guid personId, CancellationToken cancellationToken);

    Task<IReadOnlyList<OwnWords>> ListAsync(Guid personId, CancellationToken cancellationToken);

    /// <summary>One kept phrase to offer back, or null when there is none or consent was withdrawn.</summary>
    Task<OwnWords?> PickAsync(Guid personId, int seed, CancellationToken cancellationToken);
}
