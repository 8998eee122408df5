using Bot.Core.Messaging;

namespace Bot.Adapters.Discord;

/// <summary>For /healthz: connected while every shard's gateway session is up; false for good after a fatal close code.</summary>
public sealed class DiscordPlatformHealth(DiscordConnection connection) : IPlatformHealth
{
    public Platform Platform => Platform.Discord;

    public bool IsConnected => connection.IsConnected;
}
