namespace Bot.Core.Community;

/// <summary>One daily community post. The adapters render their own text and buttons around it.</summary>
/// <param name="Day">The channel's local day of this post.</param>
/// <param name="AnsweredSinceLastPost">
/// How many people answered "I'm okay today" on the previous post; null when fewer than
/// <see cref="CommunityAggregate.MinimumToShow"/>, so a small count can never point at someone.
/// </param>
public sealed record CommunityPost(DateOnly Day, int? AnsweredSinceLastPost);
