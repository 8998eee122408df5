namespace Bot.Core.Conversations;

/// <summary>What happened: the person said something, or a timer fired.</summary>
public abstract record Signal
{
    private Signal()
    {
    }

    /// <param name="Value">A short code: the mood, the resistance kind, the step id, the time zone id, the risk level.</param>
    /// <param name="Text">What the person wrote, when they wrote something; personal.</param>
    public sealed record UserSaid(Intent Intent, string? Value = null, string? Text = null) : Signal;

    public sealed record CheckInDue : Signal;

    public sealed record ReplyTimedOut : Signal;
}
