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

    /// <summary>"/dailypost" alone (Telegram): post at this time every day (UTC), starting with one now.</summary>
    SetupNow = 6,

    /// <summary>"/community status": what is set up here, if anything.</summary>
    Status = 7,

    /// <summary>A plain "/checkin" or "/start" in a group: the invitation to check in privately.</summary>
    Invite = 8,
}
