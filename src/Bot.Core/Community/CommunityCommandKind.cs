namespace Bot.Core.Community;

public enum CommunityCommandKind
{
    /// <summary>No recognisable sub-command: explain setup and stop.</summary>
    Unknown = 0,
    Setup = 1,
    Stop = 2,
    MissingTimeOrZone = 3,
    BadTime = 4,
    BadZone = 5,
}
