namespace Bot.Core.History;

/// <summary>One-time link codes, stored as hashes, and the merge of two people into one.</summary>
public interface ILinkStore
{
    Task IssueAsync(Guid personId, string codeHash, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>
    /// Redeems a code (single use: it is gone afterwards) and merges its owner into <paramref name="redeemerId"/>:
    /// accounts, history, own words and settings move; the owner's person row is removed.
    /// </summary>
    Task<LinkResult> RedeemAsync(string codeHash, Guid redeemerId, DateTimeOffset now, CancellationToken cancellationToken);
}
