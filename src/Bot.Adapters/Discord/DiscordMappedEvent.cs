using Bot.Core.Messaging;

namespace Bot.Adapters.Discord;

/// <summary>A Discord event translated: a message for Core (or none), and how to answer its interaction (or none).</summary>
public sealed record DiscordMappedEvent(InboundMessage? Message, DiscordAnswer? Answer);
