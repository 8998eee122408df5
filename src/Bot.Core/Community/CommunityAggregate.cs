namespace Bot.Core.Community;

public static class CommunityAggregate
{
    /// <summary>Below this many answers a count could point at someone, so none is shown.</summary>
    public const int MinimumToShow = 5;

    public static int? Shown(int answered) => answered >= MinimumToShow ? answered : null;
}
