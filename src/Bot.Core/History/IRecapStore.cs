namespace Bot.Core.History;

/// <summary>Who opted in to the weekly look back, and when theirs is next due.</summary>
public interface IRecapStore
{
    Task<bool> IsWeeklyRecapOnAsync(Guid personId, CancellationToken cancellationToken);

    /// <param name="nextAt">When the first one is due; ignored when turning it off.</param>
    Task SetWeeklyRecapAsync(Guid personId, bool on, DateTimeOffset nextAt, CancellationToken cancellationToken);

    /// <summary>Recaps due at <paramref name="now"/>, oldest first; not claimed yet (see <see cref="TryAdvanceAsync"/>).</summary>
    Task<IReadOnlyList<DueRecap>> FindDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>Moves a due recap to <paramref name="next"/>; false when another worker already did (so only one sends it).</summary>
    Task<bool> TryAdvanceAsync(Guid personId, DateTimeOffset now, DateTimeOffset next, CancellationToken cancellationToken);
}
