using Bot.Core.Safety;

namespace Bot.Host.Safety;

/// <summary>Loads the crisis screen's model before the first message, so nobody's first words wait a second for it.</summary>
public sealed partial class CrisisScreenWarmUp(CrisisScreen screen, ILogger<CrisisScreenWarmUp> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!screen.HasSemanticTier)
        {
            LogLexiconOnly(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "Safety:SemanticModel is off: crisis detection runs on the phrase lexicon alone and will miss paraphrases")]
    private static partial void LogLexiconOnly(ILogger logger);
}
