namespace Bot.Core.Conversations;

/// <summary>What happened: the person said something, or a timer fired.</summary>
public abstract record Signal
{
    private Signal()
    {
    }

    /// <param name="Value">The choice id or the recognised word (for a mood: heavy, tired, okay, steady, bright).</param>
    public sealed record UserSaid(Intent Intent, string? Value = null, string? Text = null) : Signal;

    public sealed record CheckInDue : Signal;

    public sealed record ReplyTimedOut : Signal;
}
