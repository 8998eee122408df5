namespace Bot.Core.SafetyPlan;

/// <summary>For dispatchers: follow-ups that are due, and the rest after a crisis response that check-ins honour.</summary>
public interface ISafetyFollowUpStore
{
    /// <summary>Due follow-ups, oldest first, for people the bot can still reach. Delivering one clears it (in its turn).</summary>
    Task<IReadOnlyList<DueSafetyFollowUp>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>Until when scheduled check-ins rest for this person after a crisis response; null when they don't.</summary>
    Task<DateTimeOffset?> CheckInsRestUntilAsync(Guid personId, DateTimeOffset now, CancellationToken cancellationToken);
}
