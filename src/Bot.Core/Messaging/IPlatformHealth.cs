namespace Bot.Core.Messaging;

/// <summary>Whether a platform adapter is connected right now (gateway session up, polling working), for /healthz.</summary>
public interface IPlatformHealth
{
    Platform Platform { get; }

    bool IsConnected { get; }
}
