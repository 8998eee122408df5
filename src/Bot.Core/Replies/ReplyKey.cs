namespace Bot.Core.Replies;

/// <summary>Everything the bot can say, by name. The words live in Content/replies.{lang}.json.</summary>
public enum ReplyKey
{
    Welcome,
    Opener,
    ThanksForCheckingIn,
    RespectTheNo,
    ReAsk,
    GentleClose,
    IdleHint,
    PausedHint,
    PausedConfirmed,
    Resumed,
    Help,
    UnknownCommand,
    CrisisResponse,
    SomethingWentWrongGently,
}
