namespace Bot.Core.Scheduling;

/// <summary>A person's schedule, read and written inside the current turn's transaction (see ICommandFeature).</summary>
public interface IScheduleStore
{
    Task<CheckInSchedule> GetAsync(Guid personId, CancellationToken cancellationToken);

    /// <summary>Saves the schedule; its indexed wake-up time becomes <see cref="DispatchState.WakeAt"/>.</summary>
    Task SaveAsync(Guid personId, CheckInSchedule schedule, DateTimeOffset now, CancellationToken cancellationToken);
}
