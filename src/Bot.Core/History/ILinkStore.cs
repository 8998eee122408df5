using Bot.Core.People;

namespace Bot.Core.History;

/// <summary>
/// One-time link codes, stored as hashes. Redeeming one (<see cref="Persistence.RedeemLinkCode"/>) merges its owner into
/// the person who typed it: accounts, history, own words and settings move, and the owner's person row is removed.
/// </summary>
public interface ILinkStore
{
    /// <summary>The profile of the person a valid (unexpired, unused) code belongs to, or null.</summary>
    Task<PersonProfile?> FindOwnerAsync(string codeHash, DateTimeOffset now, CancellationToken cancellationToken);
}
