namespace Bot.Core.Scheduling;

/// <summary>A span of local clock time, e.g. 09:00-10:00 or quiet hours 22:00-07:00 (which wraps past midnight).</summary>
public sealed record LocalSpan(TimeOnly Start, TimeOnly End)
{
    public bool WrapsMidnight => End < Start;

    public TimeSpan Length => WrapsMidnight ? End - Start + TimeSpan.FromDays(1) : End - Start;

    public bool Contains(TimeOnly time) =>
        WrapsMidnight ? time >= Start || time < End : time >= Start && time < End;

    public override string ToString() => $"{Start:HH\\:mm}-{End:HH\\:mm}";
}
