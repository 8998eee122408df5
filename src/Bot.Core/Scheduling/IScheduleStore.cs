namespace Bot.Core.Scheduling;

/// <summary>A person's schedule; a turn changes it with <see cref="Persistence.SaveSchedule"/>.</summary>
public interface IScheduleStore
{
    Task<CheckInSchedule> GetAsync(Guid personId, CancellationToken cancellationToken);
}
