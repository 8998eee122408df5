namespace Bot.Core.Conversations;

public enum CheckInStep
{
    Idle = 0,
    Opened = 1,
    Closed = 2,
    SafetyHold = 3,
    Paused = 4,
}
