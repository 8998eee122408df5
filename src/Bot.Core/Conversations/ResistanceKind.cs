namespace Bot.Core.Conversations;

/// <summary>The resistance taxonomy of the content guide (§4.1). Hopelessness (R14) is not here: it goes to the crisis check.</summary>
public enum ResistanceKind
{
    Unworthy,
    Guilt,
    Awkward,
    Numb,
    Sceptical,
    SelfLabel,
    Overwhelmed,
    FearOfSoftness,
    Critic,
    FearOfFeeling,
    BodyResists,
    Alone,
    Selfish,
    AtTheBot,

    /// <summary>Not wanting a check-in at all right now ("can't be bothered", "maybe later"): heard as "not today", never a mood.</summary>
    Unwilling,
}
