using Bot.Host.Cli;

var commandLine = CommandLine.Parse(args);
if (commandLine.Error is not null)
{
    await Console.Error.WriteLineAsync(commandLine.Error);
    await Console.Error.WriteLineAsync(CommandLine.Usage);
    return 2;
}

try
{
    return commandLine.Verb switch
    {
        "help" => await ShowHelpAsync(),
        "chat" => await ChatCommand.RunAsync(commandLine),
        "migrate" => await MigrateCommand.RunAsync(commandLine),
        "stats" => await StatsCommand.RunAsync(commandLine),
        "export-user" => await ExportUserCommand.RunAsync(commandLine),
        "delete-user" => await DeleteUserCommand.RunAsync(commandLine),
        DeadLettersCommand.Verb => await DeadLettersCommand.RunAsync(commandLine),
        _ => await RunCommand.RunAsync(commandLine),
    };
}
catch (Exception ex) when (ConfigurationErrors.Describe(ex) is { } problem)
{
    await Console.Error.WriteLineAsync($"CompassionBot cannot start. {problem}");
    return 2;
}

static async Task<int> ShowHelpAsync()
{
    await Console.Out.WriteLineAsync(CommandLine.Usage);
    return 0;
}
