namespace Bot.Adapters.Persistence.Entities;

/// <summary>After a crisis response: until when scheduled check-ins rest, and the one follow-up the person agreed to.</summary>
public sealed class SafetyCareRow
{
    public Guid PersonId { get; set; }

    /// <summary>Scheduled check-ins wait until then (the opt-in follow-up does not).</summary>
    public DateTimeOffset? PauseUntil { get; set; }

    /// <summary>When the follow-up is due; indexed for the dispatcher. Null once it was sent or is no longer wanted.</summary>
    public DateTimeOffset? FollowUpDueAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
