namespace Bot.Testing.Discord;

public sealed record FakeResponse(int Status, string? Body)
{
    public Dictionary<string, string> Headers { get; init; } = [];

    public string ContentType { get; init; } = "application/json";

    /// <summary>Discord's answers carry a Via header; a 429 without one is Cloudflare's.</summary>
    public bool Via { get; init; } = true;

    public static FakeResponse Json(int status, string body) => new(status, body);
}
