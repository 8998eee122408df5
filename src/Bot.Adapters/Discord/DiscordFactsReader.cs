using System.Globalization;
using Discord;
using Discord.WebSocket;

namespace Bot.Adapters.Discord;

/// <summary>Reads Discord.Net's entities into the adapter's plain facts; the only place the mapper's input touches the library.</summary>
internal static class DiscordFactsReader
{
    public static DiscordMessageFacts Read(SocketMessage message) => new(
        Id(message.Id),
        User(message.Author),
        (message.Channel as SocketGuildChannel)?.Guild.Id is { } guild ? Id(guild) : null,
        message.Channel is IDMChannel,
        (int)message.Type,
        message.Author.IsWebhook,
        (message.Flags ?? MessageFlags.None).HasFlag(MessageFlags.Ephemeral),
        message.Content,
        message.Timestamp);

    public static DiscordInteractionFacts? Read(SocketInteraction interaction, DateTimeOffset receivedAt)
    {
        var guildId = interaction.GuildId is { } guild ? Id(guild) : null;
        var channelId = interaction.ChannelId is { } channel ? Id(channel) : null;
        var canManage = interaction.User is SocketGuildUser member && member.GuildPermissions.ManageGuild;
        return interaction switch
        {
            SocketMessageComponent component => new DiscordInteractionFacts(
                Id(interaction.Id), User(interaction.User), guildId, channelId, receivedAt, IsComponent: true,
                component.Data.CustomId, component.Message is { } message ? Id(message.Id) : null, null, [], canManage),
            SocketSlashCommand command => new DiscordInteractionFacts(
                Id(interaction.Id), User(interaction.User), guildId, channelId, receivedAt, IsComponent: false,
                null, null, command.Data.Name, Options(command.Data.Options), canManage),
            _ => null,
        };
    }

    private static DiscordUserFacts User(IUser user) => new(Id(user.Id), user.IsBot);

    private static IReadOnlyList<DiscordOptionFacts> Options(IEnumerable<SocketSlashCommandDataOption>? options) =>
        options is null ? [] : [.. options.Select(o => new DiscordOptionFacts(o.Name, (int)o.Type, Value(o.Value), Options(o.Options)))];

    private static string? Value(object? value) => value switch
    {
        null => null,
        string text => text,
        bool flag => flag ? "true" : "false",
        ISnowflakeEntity entity => Id(entity.Id),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);
}
