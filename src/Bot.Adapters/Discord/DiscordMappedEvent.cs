using Bot.Core.Messaging;

namespace Bot.Adapters.Discord;

/// <summary>A gateway event translated: a message for Core (or none), and the interaction to answer (or none).</summary>
public sealed record DiscordMappedEvent(InboundMessage? Message, DiscordInteraction? Interaction);
