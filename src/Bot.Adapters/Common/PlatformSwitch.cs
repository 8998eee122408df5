using Bot.Adapters.Persistence;
using Microsoft.Extensions.Configuration;

namespace Bot.Adapters;

/// <summary>
/// Whether a chat platform runs: a token present turns it on, and an explicit Enabled (true or false) wins either way,
/// so a token set without Enabled is never ignored silently.
/// </summary>
public static class PlatformSwitch
{
    public static bool IsOn(IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var enabled = section["Enabled"];
        if (!string.IsNullOrWhiteSpace(enabled))
        {
            return bool.TryParse(enabled.Trim(), out var on)
                ? on
                : throw new ConfigurationException($"{section.Path}:Enabled", $"'{enabled}' is neither true nor false (leave it unset to follow {section.Path}:BotToken).");
        }

        return !string.IsNullOrWhiteSpace(section["BotToken"]);
    }
}
