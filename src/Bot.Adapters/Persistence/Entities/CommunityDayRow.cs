using Bot.Core.Messaging;

namespace Bot.Adapters.Persistence.Entities;

/// <summary>The random secret that keys one channel-day's answer hashes; deleted with them once the next post is out.</summary>
public sealed class CommunityDayRow
{
    public Platform Platform { get; set; }

    public string ChatId { get; set; } = "";

    public DateOnly Day { get; set; }

    public byte[] Secret { get; set; } = [];
}
