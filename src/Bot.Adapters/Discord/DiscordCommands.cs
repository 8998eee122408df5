using Bot.Core.Commands;
using Discord;

namespace Bot.Adapters.Discord;

/// <summary>The slash commands, registered by bulk overwrite at start. Each one reaches Core as the text "/name args".</summary>
public static class DiscordCommands
{
    /// <summary>The person's commands of the one list, as slash commands (Discord has no /start: the DM itself starts).</summary>
    public static IReadOnlyList<CommandEntry> Personal => [.. CommandCatalog.English.All.Where(c => c.Name != "start")];

    /// <summary>The whole set as Discord.Net properties, for one bulk overwrite (idempotent: the same set every time).</summary>
    public static ApplicationCommandProperties[] Build(DiscordCopy copy)
    {
        var commands = new List<ApplicationCommandProperties>();
        foreach (var personal in Personal)
        {
            var command = new SlashCommandBuilder()
                .WithName(personal.Name)
                .WithDescription(personal.About)
                .WithContextTypes(InteractionContextType.Guild, InteractionContextType.BotDm)
                .WithIntegrationTypes(ApplicationIntegrationType.GuildInstall);
            if (personal.Option is { } option)
            {
                command.AddOption(option.Name, ApplicationCommandOptionType.String, option.About, isRequired: false);
            }

            commands.Add(command.Build());
        }

        var community = new SlashCommandBuilder()
            .WithName("community")
            .WithDescription(copy.Commands["community"])
            .WithContextTypes(InteractionContextType.Guild)
            .WithIntegrationTypes(ApplicationIntegrationType.GuildInstall)
            .WithDefaultMemberPermissions(GuildPermission.ManageGuild)
            .AddOption(new SlashCommandOptionBuilder()
                .WithName("setup")
                .WithType(ApplicationCommandOptionType.SubCommand)
                .WithDescription(copy.Commands["community.setup"])
                .AddOption("channel", ApplicationCommandOptionType.Channel, copy.Commands["community.setup.channel"], isRequired: true, channelTypes: [ChannelType.Text])
                .AddOption("time", ApplicationCommandOptionType.String, copy.Commands["community.setup.time"], isRequired: true)
                .AddOption("timezone", ApplicationCommandOptionType.String, copy.Commands["community.setup.timezone"], isRequired: true))
            .AddOption(new SlashCommandOptionBuilder()
                .WithName("stop")
                .WithType(ApplicationCommandOptionType.SubCommand)
                .WithDescription(copy.Commands["community.stop"])
                .AddOption("channel", ApplicationCommandOptionType.Channel, copy.Commands["community.stop.channel"], isRequired: false, channelTypes: [ChannelType.Text]));
        commands.Add(community.Build());
        return [.. commands];
    }
}
