namespace Bot.Adapters.Persistence.Turns;

public enum BatchedTurnOutcome
{
    /// <summary>Committed together with the other turns of its batch.</summary>
    Handled = 0,

    /// <summary>The message was processed before (its dedupe marker exists); nothing was written.</summary>
    Duplicate = 1,

    /// <summary>Nothing of it was written: the caller runs it in a transaction of its own.</summary>
    RunAlone = 2,
}
