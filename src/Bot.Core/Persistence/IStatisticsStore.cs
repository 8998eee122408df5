namespace Bot.Core.Persistence;

public interface IStatisticsStore
{
    Task<StoreStatistics> ReadAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
