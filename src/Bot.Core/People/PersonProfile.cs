namespace Bot.Core.People;

/// <summary>Who the bot talks to, across platforms. Preferences that shape the conversation live here.</summary>
public sealed record PersonProfile
{
    public required Guid Id { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public string Locale { get; init; } = "en";

    /// <summary>IANA time zone id, e.g. Europe/Berlin.</summary>
    public string? TimeZone { get; init; }

    /// <summary>ISO 3166-1 alpha-2 country code, for crisis resources.</summary>
    public string? Country { get; init; }
}
