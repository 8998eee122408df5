using Bot.Core.Persistence;

namespace Bot.Core.History;

/// <summary>Reads a person's history (free text decrypted) and enforces retention.</summary>
public interface IHistoryStore
{
    Task<IReadOnlyList<HistoryEntry>> ReadAsync(Guid personId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>Deletes history entries written before <paramref name="olderThan"/>; returns how many.</summary>
    Task<int> PurgeOlderThanAsync(DateTimeOffset olderThan, CancellationToken cancellationToken);
}
