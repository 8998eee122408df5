namespace Bot.Testing.Discord;

/// <param name="Path">Path below /api/v10, e.g. "/channels/1/messages".</param>
/// <param name="ArrivedMs">Server clock (monotonic) when the request arrived.</param>
public sealed record RecordedRequest(string Method, string Path, string Body, string? Authorization, string? UserAgent, string? ContentType, double ArrivedMs);
