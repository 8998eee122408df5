namespace Bot.Host.Delivery;

/// <summary>
/// A loopback sink for tests and benchmarks only: when Url is set (an http://127.0.0.1 address), messages for
/// <see cref="Platform"/> are POSTed there as JSON instead of to a real platform. Never set in production.
/// </summary>
public sealed class LoopbackPlatformOptions
{
    public const string SectionName = "LoopbackPlatform";

    public string Url { get; set; } = "";

    public Bot.Core.Messaging.Platform Platform { get; set; } = Bot.Core.Messaging.Platform.Telegram;
}
