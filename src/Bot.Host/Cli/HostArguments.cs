namespace Bot.Host.Cli;

/// <summary>What every verb passes to its host: --data-dir, and the configuration arguments (--Urls ..., --Section:Key=value).</summary>
public sealed record HostArguments(string? DataDirectory, string[] ConfigurationArgs);
