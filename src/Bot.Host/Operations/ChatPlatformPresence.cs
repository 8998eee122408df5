using Bot.Core.Messaging;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bot.Host.Operations;

/// <summary>
/// Whether `run` has any chat platform to talk on. Without one the bot still starts (the store and the schedules keep
/// working), says so once in the log, and reports itself degraded with the same reason.
/// </summary>
public sealed partial class ChatPlatformPresence(bool any) : IHealthCheck
{
    public const string Name = "any platform";

    public const string NoneEnabled =
        "No chat platform is enabled, so no one can reach the bot: set Telegram__BotToken (docs/setup-telegram.md) or Discord__BotToken (docs/setup-discord.md).";

    public bool Any { get; } = any;

    /// <summary>Call after every adapter is registered: reads the registrations, starts nothing.</summary>
    public static IServiceCollection Register(IServiceCollection services) =>
        services.AddSingleton(new ChatPlatformPresence(services.Any(d => d.ServiceType == typeof(IChatPlatform))));

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(Any ? HealthCheckResult.Healthy() : HealthCheckResult.Degraded(NoneEnabled));

    public void WarnIfNone(ILogger logger)
    {
        if (!Any)
        {
            LogNoneEnabled(logger, NoneEnabled);
        }
    }

    [LoggerMessage(EventId = 4010, Level = LogLevel.Warning, Message = "{Reason}")]
    private static partial void LogNoneEnabled(ILogger logger, string reason);
}
