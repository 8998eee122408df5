namespace Bot.Adapters.Persistence.Turns;

public enum BatchedTurnOutcome
{
    /// <summary>Committed together with the other turns of its batch.</summary>
    Saved = 0,

    /// <summary>The message was processed before (its dedupe marker exists); nothing was written.</summary>
    Duplicate = 1,

    /// <summary>The conversation changed since the turn was decided; nothing of it was written.</summary>
    Conflict = 2,

    /// <summary>The batch failed as a whole; nothing of it was written: the caller saves the decision on its own.</summary>
    SaveAlone = 3,
}
