using Bot.Adapters.Discord.Gateway;
using Bot.Core.Messaging;

namespace Bot.Adapters.Discord;

/// <summary>For /healthz: connected while the gateway session is up.</summary>
public sealed class DiscordPlatformHealth(DiscordGatewayClient gateway) : IPlatformHealth
{
    public Platform Platform => Platform.Discord;

    public bool IsConnected => gateway.IsConnected;
}
