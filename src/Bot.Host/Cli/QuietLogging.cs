namespace Bot.Host.Cli;

/// <summary>Terminal verbs keep stdout for the conversation: only warnings and errors, and only on stderr.</summary>
public static class QuietLogging
{
    public static void ToStandardError(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddSimpleConsole(o => o.SingleLine = true);
        logging.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        logging.AddFilter<Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider>(null, LogLevel.Warning);
        logging.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
    }
}
