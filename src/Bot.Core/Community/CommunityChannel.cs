using Bot.Core.Messaging;

namespace Bot.Core.Community;

/// <summary>A shared channel (Discord channel, Telegram group) that gets the daily community post at a local time.</summary>
/// <param name="TimeZone">IANA time zone id of <paramref name="LocalTime"/>.</param>
public sealed record CommunityChannel(ChatAddress Chat, TimeOnly LocalTime, string TimeZone);
