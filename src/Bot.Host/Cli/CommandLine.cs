namespace Bot.Host.Cli;

/// <summary>The verb, our own options, and everything else (passed on to configuration, e.g. --Telegram:Enabled=true).</summary>
public sealed record CommandLine(string Verb, string? User, string? DataDirectory, string[] ConfigurationArgs, string? Error)
{
    public static readonly string[] Verbs = ["run", "chat", "migrate", "stats", "export-user", "delete-user", "dead-letters"];

    public const string Usage = """
        Usage: Bot.Host [verb] [options]
          run                   start the bot with the configured platforms (default)
          chat                  talk to the bot in this terminal (embedded store, no tokens needed)
            --user NAME         who you are in the local store (default: your login name)
            --data-dir DIR      where the local store lives (a new directory is a fresh store)
          migrate               apply database migrations and exit
          stats                 counts only (people, platforms, outbox), as JSON
          export-user           one person's stored data as JSON: --platform telegram --id 123 [--out file.json]
          delete-user           erase one person, as their /forget does: --platform telegram --id 123 --yes true
          dead-letters list     inbound updates parked after failing every attempt (no content)
          dead-letters retry    run one again, removed once it succeeds: --platform telegram --id 123
          dead-letters drop     delete one parked update: --platform telegram --id 123
        Configuration: appsettings.json, environment variables (Telegram__BotToken, ConnectionStrings__Postgres, ...)
        """;

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var verb = "run";
        var index = 0;
        if (args.Count > 0 && !args[0].StartsWith('-'))
        {
            verb = args[0].ToLowerInvariant();
            index = 1;
            if (!Verbs.Contains(verb))
            {
                return Failed($"Unknown verb '{args[0]}'.");
            }
        }

        string? user = null;
        string? dataDirectory = null;
        var rest = new List<string>();
        for (; index < args.Count; index++)
        {
            switch (args[index])
            {
                case "--user" or "--data-dir" when index + 1 >= args.Count || string.IsNullOrWhiteSpace(args[index + 1]):
                    return Failed($"{args[index]} needs a value.");
                case "--user":
                    user = args[++index];
                    break;
                case "--data-dir":
                    dataDirectory = args[++index];
                    break;
                case "--help" or "-h":
                    return new CommandLine("help", null, null, [], null);
                default:
                    rest.Add(args[index]);
                    break;
            }
        }

        return new CommandLine(verb, user, dataDirectory, rest.ToArray(), null);
    }

    private static CommandLine Failed(string error) => new("run", null, null, [], error);
}
