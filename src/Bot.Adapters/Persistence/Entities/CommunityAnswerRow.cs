using Bot.Core.Messaging;

namespace Bot.Adapters.Persistence.Entities;

/// <summary>
/// One "I'm okay today" for one channel-day: an HMAC of the sender id under that day's secret, so the same person counts
/// once, and once the secret is gone nothing links the row to anyone. No user id is stored.
/// </summary>
public sealed class CommunityAnswerRow
{
    public Platform Platform { get; set; }

    public string ChatId { get; set; } = "";

    public DateOnly Day { get; set; }

    public string AnswerHash { get; set; } = "";
}
