namespace Bot.Core.History;

public sealed record ExportedProfile(Guid Id, DateTimeOffset CreatedAt, string Locale, string? TimeZone, string? Country);
