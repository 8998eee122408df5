namespace Bot.Adapters.Discord;

/// <summary>What the adapter needs to answer an interaction within Discord's 3 s window.</summary>
/// <param name="Type">2 = application command, 3 = message component.</param>
public sealed record DiscordInteraction(string Id, string Token, string ApplicationId, int Type, DiscordAnswer Answer)
{
    public bool IsComponent => Type == DiscordEventMapper.ComponentInteraction;
}
