namespace Bot.Core.Safety;

/// <param name="Code">ISO 3166-1 alpha-2.</param>
/// <param name="Emergency">The emergency number, only where the content guide gives it.</param>
public sealed record CrisisCountry(string Code, string Name, string? Emergency, IReadOnlyList<CrisisLine> Lines, IReadOnlyList<string> Aliases);
