namespace Bot.Core.History;

/// <summary>Who opted in to the weekly look back, and when theirs is next due.</summary>
public interface IRecapStore
{
    Task<bool> IsWeeklyRecapOnAsync(Guid personId, CancellationToken cancellationToken);

    /// <summary>Recaps due at <paramref name="now"/>, oldest first; a turn claims one with <see cref="Persistence.AdvanceWeeklyRecap"/>.</summary>
    Task<IReadOnlyList<DueRecap>> FindDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>The person's recap is on and due at <paramref name="now"/> (not yet sent by another worker).</summary>
    Task<bool> IsDueAsync(Guid personId, DateTimeOffset now, CancellationToken cancellationToken);
}
