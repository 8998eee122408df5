using Bot.Core.Commands;
using System.Text.Json.Nodes;

namespace Bot.Adapters.Discord;

/// <summary>The slash commands, registered by bulk overwrite at start. Each one reaches Core as the text "/name args".</summary>
public static class DiscordCommands
{
    /// <summary>The person's commands of the one list, as slash commands (Discord has no /start: the DM itself starts).</summary>
    public static IReadOnlyList<CommandEntry> Personal => [.. CommandCatalog.English.All.Where(c => c.Name != "start")];

    private const int SubCommand = 1;
    private const int StringOption = 3;
    private const int ChannelOption = 7;
    private const int GuildTextChannel = 0;

    public static JsonArray Build(DiscordCopy copy)
    {
        var commands = new JsonArray();
        foreach (var personal in Personal)
        {
            var command = new JsonObject
            {
                ["name"] = personal.Name,
                ["type"] = 1,
                ["description"] = personal.About,
                ["contexts"] = new JsonArray(0, 1),
                ["integration_types"] = new JsonArray(0),
            };
            if (personal.Option is { } option)
            {
                command["options"] = new JsonArray(Option(option.Name, option.About, StringOption, required: false));
            }

            commands.Add(command);
        }

        var channel = Option("channel", copy.Commands["community.setup.channel"], ChannelOption, required: true);
        channel["channel_types"] = new JsonArray(GuildTextChannel);
        var stopChannel = Option("channel", copy.Commands["community.stop.channel"], ChannelOption, required: false);
        stopChannel["channel_types"] = new JsonArray(GuildTextChannel);
        commands.Add(new JsonObject
        {
            ["name"] = "community",
            ["type"] = 1,
            ["description"] = copy.Commands["community"],
            ["contexts"] = new JsonArray(0),
            ["integration_types"] = new JsonArray(0),
            ["default_member_permissions"] = DiscordEventMapper.ManageGuildPermission.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["options"] = new JsonArray
            {
                new JsonObject
                {
                    ["name"] = "setup",
                    ["type"] = SubCommand,
                    ["description"] = copy.Commands["community.setup"],
                    ["options"] = new JsonArray
                    {
                        channel,
                        Option("time", copy.Commands["community.setup.time"], StringOption, required: true),
                        Option("timezone", copy.Commands["community.setup.timezone"], StringOption, required: true),
                    },
                },
                new JsonObject
                {
                    ["name"] = "stop",
                    ["type"] = SubCommand,
                    ["description"] = copy.Commands["community.stop"],
                    ["options"] = new JsonArray { stopChannel },
                },
            },
        });
        return commands;
    }

    private static JsonObject Option(string name, string description, int type, bool required) => new()
    {
        ["name"] = name,
        ["description"] = description,
        ["type"] = type,
        ["required"] = required,
    };
}
