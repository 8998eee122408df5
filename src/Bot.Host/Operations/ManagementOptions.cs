namespace Bot.Host.Operations;

/// <summary>
/// The management listener: health and metrics on their own address, loopback by default, so they never share the
/// public listener that a reverse proxy forwards webhooks to.
/// </summary>
public sealed class ManagementOptions
{
    public const string SectionName = "Management";

    public const string DefaultUrls = "http://127.0.0.1:8081";

    /// <summary>Where /healthz, /healthz/live, /healthz/ready and /metrics listen; a port of its own, not one of Urls.</summary>
    public string Urls { get; set; } = DefaultUrls;

    /// <summary>The outbox's oldest waiting message may be this old before the bot reports itself degraded.</summary>
    public TimeSpan OutboxLagLimit { get; set; } = TimeSpan.FromMinutes(15);
}
