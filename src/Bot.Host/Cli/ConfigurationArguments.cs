namespace Bot.Host.Cli;

/// <summary>
/// The tokens no verb option matched are configuration for the host, shaped like a key: `--Urls http://...`,
/// `--Telegram:Mode=Webhook`, `--Section:Key value` (a key has a ':' or starts with a capital, as in appsettings.json).
/// Anything else (a lower-case `--usr`, a stray word) is a usage error, so a typo is never silently ignored.
/// </summary>
public static class ConfigurationArguments
{
    public sealed record Collected(string[] Arguments, string? Error);

    public static Collected Collect(IReadOnlyList<string> unmatched)
    {
        var arguments = new List<string>();
        for (var index = 0; index < unmatched.Count; index++)
        {
            var token = unmatched[index];
            if (!token.StartsWith("--", StringComparison.Ordinal) || token.Length < 3)
            {
                return new([], $"Unexpected '{token}'.");
            }

            var key = token[2..].Split('=', 2)[0];
            if (!IsConfigurationKey(key))
            {
                return new([], $"Unknown option '{token.Split('=', 2)[0]}'.");
            }

            arguments.Add(token);
            if (!token.Contains('=', StringComparison.Ordinal))
            {
                if (index + 1 >= unmatched.Count || unmatched[index + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    return new([], $"The configuration key {token} needs a value (--{key} VALUE or --{key}=VALUE).");
                }

                arguments.Add(unmatched[++index]);
            }
        }

        return new([.. arguments], null);
    }

    private static bool IsConfigurationKey(string key) =>
        key.Length > 0 && (key.Contains(':', StringComparison.Ordinal) || char.IsUpper(key[0]) || key.Equals("urls", StringComparison.OrdinalIgnoreCase));
}
