namespace Bot.Core.History;

public enum LinkOutcome
{
    Linked = 0,

    /// <summary>Unknown, expired or already used: the same answer for all three, so codes cannot be probed.</summary>
    NotValid = 1,

    SamePerson = 2,
}
