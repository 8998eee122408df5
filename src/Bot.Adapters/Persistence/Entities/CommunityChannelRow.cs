using Bot.Core.Messaging;

namespace Bot.Adapters.Persistence.Entities;

/// <summary>A channel or group with a daily community post. Only where and when: nothing about any person.</summary>
public sealed class CommunityChannelRow
{
    public Platform Platform { get; set; }

    public string ChatId { get; set; } = "";

    public TimeOnly LocalTime { get; set; }

    /// <summary>IANA time zone id of <see cref="LocalTime"/>.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>The local day of the last post; the job's claim is a conditional update of this column.</summary>
    public DateOnly? LastPostedOn { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
