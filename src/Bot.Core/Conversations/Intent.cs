namespace Bot.Core.Conversations;

public enum Intent
{
    Unclear = 0,
    Start,
    CheckIn,
    Mood,
    NotToday,
    Stop,
    Resume,
    Help,
    Sos,
    Crisis,
    UnknownCommand,
}
