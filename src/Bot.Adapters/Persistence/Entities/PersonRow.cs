namespace Bot.Adapters.Persistence.Entities;

public sealed class PersonRow
{
    public Guid Id { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string Locale { get; set; } = "en";

    public string? TimeZone { get; set; }

    public string? Country { get; set; }
}
