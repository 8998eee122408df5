namespace Bot.Core.Persistence;

/// <summary>What the person said about scheduled check-ins at first contact (or /start): wanted or not, and the local time.</summary>
/// <param name="LocalTime">In the person's time zone (PersonProfile.TimeZone, UTC when unknown); null when not wanted.</param>
public sealed record CheckInPreference(bool Wanted, TimeOnly? LocalTime);
