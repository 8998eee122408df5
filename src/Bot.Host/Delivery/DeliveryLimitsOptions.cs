namespace Bot.Host.Delivery;

/// <summary>Per-platform send limits (Delivery:Limits:Telegram, Delivery:Limits:Discord, ...). Per process: divide by the replica count.</summary>
public sealed class DeliveryLimitsOptions
{
    public const string SectionName = "Delivery:Limits";

    public PlatformRateLimit Telegram { get; set; } = new() { PerSecond = 30, ChatPerSecond = 1, ChatBurst = 3, GroupPerMinute = 20 };

    public PlatformRateLimit Discord { get; set; } = new() { PerSecond = 50, ChatPerSecond = 5, ChatBurst = 5, GroupPerMinute = 300 };

    public PlatformRateLimit For(Bot.Core.Messaging.Platform platform) =>
        platform == Bot.Core.Messaging.Platform.Discord ? Discord : Telegram;
}
