namespace Bot.Core.Community;

/// <summary>What a "/community ..." command asked for, or why it could not be read.</summary>
public sealed record CommunityCommand(CommunityCommandKind Kind, TimeOnly LocalTime = default, string TimeZone = "");
