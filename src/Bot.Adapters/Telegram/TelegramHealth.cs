using Bot.Core.Messaging;

namespace Bot.Adapters.Telegram;

/// <summary>For /healthz: the last call to Telegram worked (polling replica or webhook set-up). A waiting replica is healthy too.</summary>
public sealed class TelegramHealth : IPlatformHealth
{
    private volatile bool _connected;

    public Platform Platform => Platform.Telegram;

    public bool IsConnected => _connected;

    public void Reached() => _connected = true;

    public void Lost() => _connected = false;
}
