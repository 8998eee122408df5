namespace Bot.Adapters.Discord;

/// <summary>The person or bot behind a Discord event.</summary>
public sealed record DiscordUserFacts(string Id, bool IsBot);

/// <summary>
/// What the adapter reads from a Discord message event, as plain values: the mapper stays pure and testable, and a parked
/// event can be written out and read back for `dead-letters retry` without any Discord.Net type.
/// </summary>
public sealed record DiscordMessageFacts(
    string Id,
    DiscordUserFacts Author,
    string? GuildId,
    bool InDirectMessages,
    int Type,
    bool FromWebhook,
    bool Ephemeral,
    string? Content,
    DateTimeOffset SentAt);

/// <summary>One slash-command option: a subcommand (with its own options) or a value. Channel values are the channel id.</summary>
public sealed record DiscordOptionFacts(string Name, int Type, string? Value, IReadOnlyList<DiscordOptionFacts> Options);

/// <summary>What the adapter reads from an interaction (a slash command or a button press), as plain values.</summary>
public sealed record DiscordInteractionFacts(
    string Id,
    DiscordUserFacts User,
    string? GuildId,
    string? ChannelId,
    DateTimeOffset ReceivedAt,
    bool IsComponent,
    string? CustomId,
    string? ButtonMessageId,
    string? CommandName,
    IReadOnlyList<DiscordOptionFacts> Options,
    bool CanManageServer);

/// <summary>A parked event: exactly one of the two is set.</summary>
public sealed record DiscordParkedEvent(DiscordMessageFacts? Message, DiscordInteractionFacts? Interaction);
