using System.ComponentModel.DataAnnotations;

namespace Bot.Host.History;

public sealed class HistoryOptions
{
    public const string SectionName = "History";

    /// <summary>History older than this is deleted by the retention job ("365.00:00:00" by default).</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(365);
}
