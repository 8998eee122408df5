namespace Bot.Core.Persistence;

/// <summary>Counts only: how many people, on which platforms, how much was delivered. Never who or what.</summary>
public sealed record StoreStatistics(
    int People,
    IReadOnlyDictionary<string, int> IdentitiesByPlatform,
    int HistoryEntriesLast7Days,
    int OutboxPending,
    int OutboxFailed,
    int Unreachable);
