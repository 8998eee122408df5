using System.ComponentModel.DataAnnotations;

namespace Bot.Host.Delivery;

/// <summary>One platform's send limits, honoured before sending rather than discovered by 429s.</summary>
public sealed class PlatformRateLimit
{
    /// <summary>Messages per second across all chats (Telegram about 30, Discord 50 requests).</summary>
    [Range(0.1, 10000)]
    public double PerSecond { get; set; } = 30;

    /// <summary>Messages per second into one private chat; <see cref="ChatBurst"/> allows a short run (a reply of two or three bubbles).</summary>
    [Range(0.01, 1000)]
    public double ChatPerSecond { get; set; } = 1;

    [Range(1, 100)]
    public int ChatBurst { get; set; } = 3;

    /// <summary>Messages per minute into one group chat (Telegram: 20).</summary>
    [Range(1, 10000)]
    public int GroupPerMinute { get; set; } = 20;
}
