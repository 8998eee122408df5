namespace Bot.Core.Conversations;

/// <summary>Something the engine asks the handler to carry out after the turn; the engine itself does no I/O.</summary>
public abstract record Effect
{
    private Effect()
    {
    }

    /// <param name="Kind">What it is: mood, grounding, small-step, ...</param>
    /// <param name="Value">A short code, never free text.</param>
    /// <param name="FreeText">What the person wrote, if it is worth keeping; personal data.</param>
    public sealed record RecordHistory(string Kind, string Value, string? FreeText = null) : Effect;

    public sealed record PauseCheckIns : Effect;

    public sealed record ResumeCheckIns : Effect;
}
