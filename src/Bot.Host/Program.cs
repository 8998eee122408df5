using Bot.Host.Cli;

try
{
    return await BotCommandLine.InvokeAsync(args);
}
catch (Exception ex) when (ConfigurationErrors.Describe(ex) is { } problem)
{
    await Console.Error.WriteLineAsync($"CompassionBot cannot start. {problem}");
    return BotCommandLine.UsageError;
}
