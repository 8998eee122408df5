using Bot.Core.Replies;

namespace Bot.Core.Conversations;

/// <summary>The check-in, as data. Interrupts (crisis, stop, help) are applied before this table, from every step.</summary>
public static class CheckInFlow
{
    public static readonly FlowTable Table = new()
    {
        // from                 on                  to                      say
        { CheckInStep.Idle,     Intent.CheckIn,     CheckInStep.Opened,     ReplyKey.Opener },
        { CheckInStep.Closed,   Intent.CheckIn,     CheckInStep.Opened,     ReplyKey.Opener },
        { CheckInStep.Opened,   Intent.CheckIn,     CheckInStep.Opened,     ReplyKey.Opener },
        { CheckInStep.Opened,   Intent.Mood,        CheckInStep.Closed,     ReplyKey.ThanksForCheckingIn },
        { CheckInStep.Opened,   Intent.NotToday,    CheckInStep.Closed,     ReplyKey.RespectTheNo },
        { CheckInStep.Idle,     Intent.Start,       CheckInStep.Idle,       ReplyKey.Welcome },
        { CheckInStep.Closed,   Intent.Start,       CheckInStep.Closed,     ReplyKey.Welcome },
        { CheckInStep.SafetyHold, Intent.CheckIn,   CheckInStep.Opened,     ReplyKey.Opener },
    };
}
