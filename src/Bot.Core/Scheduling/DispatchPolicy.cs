namespace Bot.Core.Scheduling;

/// <param name="ReplyTimeout">After this, an unanswered check-in closes gently (Signal.ReplyTimedOut).</param>
/// <param name="MaxLateness">A check-in found later than this (the bot was down, the person unreachable) is not sent; the next one is planned.</param>
/// <param name="FollowUpDelay">How long after choosing a small step the optional follow-up comes (same local day only).</param>
/// <param name="BackOffAfter">Unanswered check-ins in a row before they come less often.</param>
/// <param name="PauseOfferAfter">Unanswered check-ins in a row before the one-time, kind offer to pause.</param>
public sealed record DispatchPolicy(
    TimeSpan ReplyTimeout,
    TimeSpan MaxLateness,
    TimeSpan FollowUpDelay,
    int BackOffAfter,
    int PauseOfferAfter)
{
    public static readonly DispatchPolicy Default = new(TimeSpan.FromHours(3), TimeSpan.FromHours(2), TimeSpan.FromHours(4), 3, 3);
}
