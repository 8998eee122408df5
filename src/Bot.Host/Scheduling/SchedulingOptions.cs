using System.ComponentModel.DataAnnotations;
using Bot.Core.Scheduling;

namespace Bot.Host.Scheduling;

public sealed class SchedulingOptions
{
    public const string SectionName = "Scheduling";

    /// <summary>How often the dispatcher job looks for due check-ins.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan DispatchInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Schedules claimed (and written to the outbox) per transaction.</summary>
    [Range(1, 5000)]
    public int BatchSize { get; set; } = 100;

    /// <summary>Claimers per replica, each in its own transaction (SKIP LOCKED keeps them apart). SQLite: keep 1.</summary>
    [Range(1, 16)]
    public int DispatchConcurrency { get; set; } = 1;

    /// <summary>
    /// Before each claim the dispatcher waits while people's turns are running, at most this long (so a busy bot still
    /// sends its check-ins).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:05")]
    public TimeSpan YieldToLiveTurnsAtMost { get; set; } = TimeSpan.FromMilliseconds(25);

    /// <summary>Batches per dispatcher run, so one run cannot hold the job forever.</summary>
    [Range(1, 10000)]
    public int MaxBatchesPerRun { get; set; } = 200;

    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan ReplyTimeout { get; set; } = TimeSpan.FromHours(3);

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan MaxLateness { get; set; } = TimeSpan.FromHours(2);

    [Range(typeof(TimeSpan), "00:01:00", "23:00:00")]
    public TimeSpan FollowUpDelay { get; set; } = TimeSpan.FromHours(4);

    [Range(0, 100)]
    public int BackOffAfter { get; set; } = 3;

    [Range(1, 100)]
    public int PauseOfferAfter { get; set; } = 3;

    public DispatchPolicy ToPolicy() => new(ReplyTimeout, MaxLateness, FollowUpDelay, BackOffAfter, PauseOfferAfter);
}
