using Discord;

namespace Bot.Adapters.Discord;

/// <summary>A message ready for Discord.Net: its text and, for a person, their buttons.</summary>
public sealed record DiscordRendered(string Content, MessageComponent? Components);
