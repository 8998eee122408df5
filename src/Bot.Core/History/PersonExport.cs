namespace Bot.Core.History;

/// <summary>Everything the bot keeps about one person, as they get it from /export.</summary>
public sealed record PersonExport(
    DateTimeOffset ExportedAt,
    ExportedProfile Person,
    IReadOnlyList<ExportedAccount> Accounts,
    string? ConversationStep,
    string? SchedulePreferences,
    ExportedSettings Settings,
    IReadOnlyList<ExportedEntry> History,
    IReadOnlyList<OwnWords> OwnWords)
{
    /// <summary>The person's safety plan, part by part in their own words; null when they have none.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? SafetyPlan { get; init; }
}
