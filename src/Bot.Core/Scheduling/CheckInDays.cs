namespace Bot.Core.Scheduling;

/// <summary>The days of the week a person wants check-ins on.</summary>
[Flags]
public enum CheckInDays
{
    None = 0,
    Monday = 1,
    Tuesday = 2,
    Wednesday = 4,
    Thursday = 8,
    Friday = 16,
    Saturday = 32,
    Sunday = 64,
    Weekdays = Monday | Tuesday | Wednesday | Thursday | Friday,
    Weekend = Saturday | Sunday,
    Daily = Weekdays | Weekend,
}
