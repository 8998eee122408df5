namespace Bot.Adapters.Persistence;

/// <summary>A configuration value is missing or malformed; the message names the key so start-up can say what to fix.</summary>
public sealed class ConfigurationException(string key, string problem) : Exception($"Configuration '{key}': {problem}")
{
    public string Key { get; } = key;
}
