namespace Bot.Core.Community;

/// <summary>A stored community channel and the local day of its last post (null before the first one).</summary>
public sealed record CommunitySubscription(CommunityChannel Channel, DateOnly? LastPostedOn);
