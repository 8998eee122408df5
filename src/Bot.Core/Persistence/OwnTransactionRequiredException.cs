namespace Bot.Core.Persistence;

/// <summary>
/// Thrown by a decision running in a shared transaction (<see cref="TurnContext.SharedTransaction"/>) that turns out to
/// need stores of its own, for example a safety plan being written. The store then runs the turn again on its own.
/// </summary>
public sealed class OwnTransactionRequiredException : Exception
{
    public OwnTransactionRequiredException()
        : base("This turn needs a transaction of its own.")
    {
    }

    public OwnTransactionRequiredException(string message)
        : base(message)
    {
    }

    public OwnTransactionRequiredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
