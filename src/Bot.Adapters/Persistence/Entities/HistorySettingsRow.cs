namespace Bot.Adapters.Persistence.Entities;

/// <summary>A person's choices about their history: the weekly look back, and keeping their own words.</summary>
public sealed class HistorySettingsRow
{
    public Guid PersonId { get; set; }

    public bool WeeklyRecap { get; set; }

    /// <summary>When the next look back is due (UTC); null when it is off. Indexed for the weekly job.</summary>
    public DateTimeOffset? NextRecapAt { get; set; }

    public bool KeepOwnWords { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
