using Bot.Core.Messaging;

namespace Bot.Adapters.Persistence.Entities;

/// <summary>One platform account of a person, and the chat the bot uses to reach them there.</summary>
public sealed class PlatformIdentityRow
{
    public long Id { get; set; }

    public Guid PersonId { get; set; }

    public Platform Platform { get; set; }

    public string ExternalUserId { get; set; } = "";

    public string ChatId { get; set; } = "";

    public bool Reachable { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }
}
