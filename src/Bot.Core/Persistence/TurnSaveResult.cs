namespace Bot.Core.Persistence;

public enum TurnSaveResult
{
    /// <summary>Everything the decision says is committed.</summary>
    Saved = 0,

    /// <summary>Another delivery of the same inbound message was saved first; this one changed nothing.</summary>
    Duplicate = 1,

    /// <summary>The conversation (or a row a write depends on) changed after it was loaded; nothing was saved.</summary>
    Conflict = 2,
}
