using Microsoft.Extensions.Options;

namespace Bot.Host.Cli;

/// <summary>
/// The generic host logs a failed start with the whole exception, stack trace included, before the verb sees it. Two
/// failures are told by the verb itself, so the host's entry for them is dropped: a configuration error (Program writes
/// one line naming the key, see ConfigurationErrors) and a stop requested while start-up still waits (`run` exits 0).
/// Their entry, stack included, goes to the debug level only. Every other entry, and every other failure, is logged as before.
/// </summary>
public sealed class StartFailuresToldOnce(ILoggerFactory inner) : ILoggerFactory
{
    private const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    public static void Apply(ILoggingBuilder logging) =>
        logging.Services.AddSingleton<ILoggerFactory>(sp => new StartFailuresToldOnce(new LoggerFactory(
            sp.GetServices<ILoggerProvider>(),
            sp.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
            sp.GetService<IOptions<LoggerFactoryOptions>>(),
            sp.GetService<IExternalScopeProvider>())));

    public ILogger CreateLogger(string categoryName)
    {
        var logger = inner.CreateLogger(categoryName);
        return categoryName == HostCategory ? new WithoutToldFailures(logger) : logger;
    }

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();

    private sealed class WithoutToldFailures(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (exception is OperationCanceledException || (exception is not null && ConfigurationErrors.Describe(exception) is not null))
            {
                inner.Log(LogLevel.Debug, eventId, state, exception, formatter);
                return;
            }

            inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
