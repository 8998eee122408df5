using Discord;

namespace Bot.Adapters.Discord;

/// <summary>The slash commands, registered by bulk overwrite at start. Each one reaches Core as the text "/name args".</summary>
public static class DiscordCommands
{
    public static readonly IReadOnlyList<string> Personal =
        ["checkin", "settings", "timezone", "pause", "resume", "history", "export", "forget", "help", "sos", "safetyplan", "country", "win", "link", "recap"];

    /// <summary>Commands that take free words after the name ("/win called my sister", "/link AB12CD34", "/country DE").</summary>
    private static readonly Dictionary<string, string> TextOptions = new()
    {
        ["win"] = "text",
        ["link"] = "code",
        ["country"] = "country",
    };

    /// <summary>The whole set as Discord.Net properties, for one bulk overwrite (idempotent: the same set every time).</summary>
    public static ApplicationCommandProperties[] Build(DiscordCopy copy)
    {
        var commands = new List<ApplicationCommandProperties>();
        foreach (var name in Personal)
        {
            var command = new SlashCommandBuilder()
                .WithName(name)
                .WithDescription(copy.Commands[name])
                .WithContextTypes(InteractionContextType.Guild, InteractionContextType.BotDm)
                .WithIntegrationTypes(ApplicationIntegrationType.GuildInstall);
            if (name == "timezone")
            {
                command.AddOption("zone", ApplicationCommandOptionType.String, copy.Commands["timezone.zone"], isRequired: false);
            }
            else if (TextOptions.TryGetValue(name, out var option))
            {
                command.AddOption(option, ApplicationCommandOptionType.String, copy.Commands[$"{name}.{option}"], isRequired: false);
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
