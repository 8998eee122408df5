namespace Bot.Core.Persistence;

/// <summary>A turn's conversation kept changing under it: nothing was saved, and the inbound message is not confirmed.</summary>
public sealed class TurnConflictException : Exception
{
    public TurnConflictException()
        : base("The conversation kept changing while the turn was decided.")
    {
    }

    public TurnConflictException(int attempts)
        : base($"The conversation changed under each of {attempts} attempts.")
    {
    }

    public TurnConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
