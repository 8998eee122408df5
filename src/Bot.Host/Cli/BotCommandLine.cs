using System.CommandLine;
using Bot.Core.Messaging;

namespace Bot.Host.Cli;

/// <summary>
/// The verbs and their options: per-verb --help, typed options checked before anything starts, a suggestion for a
/// mistyped verb, tab completion through dotnet-suggest. Without a verb the bot runs. Exit codes: 0 done, 1 the verb
/// could not do it (no such person, still failing), 2 a usage or configuration error.
/// </summary>
public static class BotCommandLine
{
    public const int UsageError = 2;

    private const string DataDirectory = "--data-dir";

    public static async Task<int> InvokeAsync(string[] args)
    {
        var parse = Build(args).Parse(args);
        var invocation = new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
        var code = await parse.InvokeAsync(invocation);
        return parse.Errors.Count > 0 ? UsageError : code;
    }

    /// <summary>
    /// The command tree for these arguments. A word where a verb (or a dead-letters action) belongs must be reported with
    /// a suggestion, not passed on as configuration: there, unmatched tokens are errors.
    /// </summary>
    public static RootCommand Build(IReadOnlyList<string> args)
    {
        var verbFirst = IsWord(args, 0);
        var root = new RootCommand("CompassionBot, a gentle check-in companion. Without a verb it runs (see `run`).\n"
            + "Configuration: appsettings.json, environment variables (Telegram__BotToken, ConnectionStrings__Postgres, ...), "
            + "or --Section:Key=value after the verb.")
        {
            TreatUnmatchedTokensAsErrors = verbFirst,
        };
        root.Options.Add(DataDirectoryOption());
        root.SetAction(Verb((_, host) => RunCommand.RunAsync(host)));

        var run = Command("run", "start the bot with the configured platforms (the default)");
        run.SetAction(Verb((_, host) => RunCommand.RunAsync(host)));

        var user = new Option<string>("--user") { Description = "who you are in the local store (default: your login name)", HelpName = "NAME" };
        user.Validators.Add(r => { if (string.IsNullOrWhiteSpace(r.GetValueOrDefault<string>())) r.AddError("--user needs a name."); });
        var chat = Command("chat", "talk to the bot in this terminal (embedded store, no tokens needed)", user);
        chat.SetAction(Verb((parse, host) => ChatCommand.RunAsync(host, parse.GetValue(user))));

        var migrate = Command("migrate", "apply database migrations and exit");
        migrate.SetAction(Verb((_, host) => MigrateCommand.RunAsync(host)));

        var stats = Command("stats", "counts only (people, platforms, outbox), as JSON");
        stats.SetAction(Verb((_, host) => StatsCommand.RunAsync(host)));

        var exportPlatform = PlatformOption("the person's platform", Platform.Terminal, Platform.Telegram, Platform.Discord);
        var exportId = IdOption("their user id on that platform");
        var output = new Option<FileInfo>("--out") { Description = "write the JSON to this file instead of stdout", HelpName = "FILE" };
        var export = Command("export-user", "one person's stored data as JSON, the file their /export gives them", exportPlatform, exportId, output);
        export.SetAction(Verb((parse, host) => ExportUserCommand.RunAsync(host, parse.GetRequiredValue(exportPlatform), parse.GetRequiredValue(exportId), parse.GetValue(output))));

        var deletePlatform = PlatformOption("the person's platform", Platform.Terminal, Platform.Telegram, Platform.Discord);
        var deleteId = IdOption("their user id on that platform");
        var yes = new Option<bool>("--yes") { Description = "confirm: this cannot be undone" };
        var delete = Command("delete-user", "erase one person, as their /forget does (cannot be undone)", deletePlatform, deleteId, yes);
        delete.SetAction(Verb((parse, host) => DeleteUserCommand.RunAsync(host, parse.GetRequiredValue(deletePlatform), parse.GetRequiredValue(deleteId), parse.GetValue(yes))));

        root.Subcommands.Add(run);
        root.Subcommands.Add(chat);
        root.Subcommands.Add(migrate);
        root.Subcommands.Add(stats);
        root.Subcommands.Add(export);
        root.Subcommands.Add(delete);
        root.Subcommands.Add(DeadLetters(actionNamed: verbFirst && args[0] == DeadLettersCommand.Verb && IsWord(args, 1)));
        return root;
    }

    private static bool IsWord(IReadOnlyList<string> args, int index) =>
        args.Count > index && !args[index].StartsWith('-') && !args[index].StartsWith('[');

    private static Command DeadLetters(bool actionNamed)
    {
        var list = Command("list", "the parked updates: platform, id, error type, attempts, when (never what anyone wrote)");
        list.SetAction(Verb((_, host) => DeadLettersCommand.ListAsync(host)));

        var retryPlatform = PlatformOption("the update's platform", Platform.Telegram, Platform.Discord);
        var retryId = IdOption("the update id, as `dead-letters list` shows it");
        var retry = Command("retry", "run one parked update again; removed once it succeeds", retryPlatform, retryId);
        retry.SetAction(Verb((parse, host) => DeadLettersCommand.RetryAsync(host, parse.GetRequiredValue(retryPlatform), parse.GetRequiredValue(retryId))));

        var dropPlatform = PlatformOption("the update's platform", Platform.Telegram, Platform.Discord);
        var dropId = IdOption("the update id, as `dead-letters list` shows it");
        var drop = Command("drop", "delete one parked update", dropPlatform, dropId);
        drop.SetAction(Verb((parse, host) => DeadLettersCommand.DropAsync(host, parse.GetRequiredValue(dropPlatform), parse.GetRequiredValue(dropId))));

        var deadLetters = Command(DeadLettersCommand.Verb, "inbound updates parked after failing every attempt (without an action: list)");
        deadLetters.TreatUnmatchedTokensAsErrors = actionNamed;
        deadLetters.SetAction(Verb((_, host) => DeadLettersCommand.ListAsync(host)));
        deadLetters.Subcommands.Add(list);
        deadLetters.Subcommands.Add(retry);
        deadLetters.Subcommands.Add(drop);
        return deadLetters;
    }

    private static Command Command(string name, string description, params Option[] options)
    {
        var command = new Command(name, description) { TreatUnmatchedTokensAsErrors = false };
        command.Options.Add(DataDirectoryOption());
        foreach (var option in options)
        {
            command.Options.Add(option);
        }

        return command;
    }

    private static Option<string> DataDirectoryOption() =>
        new(DataDirectory) { Description = "where the local (SQLite) store lives; a new directory is a fresh store", HelpName = "DIR" };

    private static Option<Platform> PlatformOption(string description, params Platform[] allowed)
    {
        var names = string.Join('|', allowed.Select(p => p.ToString().ToLowerInvariant()));
        return new Option<Platform>("--platform")
        {
            Description = description,
            HelpName = names,
            Required = true,
            CustomParser = result =>
            {
                var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
                var platform = allowed.FirstOrDefault(p => p.ToString().Equals(token, StringComparison.OrdinalIgnoreCase), (Platform)(-1));
                if (platform == (Platform)(-1))
                {
                    result.AddError($"--platform must be one of {names}, not '{token}'.");
                }

                return platform;
            },
        };
    }

    private static Option<string> IdOption(string description)
    {
        var option = new Option<string>("--id") { Description = description, HelpName = "ID", Required = true };
        option.Validators.Add(r => { if (string.IsNullOrWhiteSpace(r.GetValueOrDefault<string>())) r.AddError("--id needs a value."); });
        return option;
    }

    /// <summary>A verb's action: configuration arguments checked and collected first, then the verb.</summary>
    private static Func<ParseResult, CancellationToken, Task<int>> Verb(Func<ParseResult, HostArguments, Task<int>> verb) => async (parse, _) =>
    {
        var configuration = ConfigurationArguments.Collect(parse.UnmatchedTokens);
        if (configuration.Error is not null)
        {
            var path = string.Join(' ', parse.CommandResult.Command is RootCommand ? [] : Names(parse.CommandResult));
            await Console.Error.WriteLineAsync($"{configuration.Error} See 'Bot.Host {path}{(path.Length > 0 ? " " : "")}--help'.");
            return UsageError;
        }

        return await verb(parse, new HostArguments(parse.GetValue<string>(DataDirectory), configuration.Arguments));
    };

    private static IEnumerable<string> Names(System.CommandLine.Parsing.CommandResult command)
    {
        var names = new Stack<string>();
        for (var current = command; current is not null && current.Command is not RootCommand; current = current.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Push(current.Command.Name);
        }

        return names;
    }
}
