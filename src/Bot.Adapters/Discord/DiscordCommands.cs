using System.Text.Json.Nodes;

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

    private const int SubCommand = 1;
    private const int StringOption = 3;
    private const int ChannelOption = 7;
    private const int GuildTextChannel = 0;

    public static JsonArray Build(DiscordCopy copy)
    {
        var commands = new JsonArray();
        foreach (var name in Personal)
        {
            var command = new JsonObject
            {
                ["name"] = name,
                ["type"] = 1,
                ["description"] = copy.Commands[name],
                ["contexts"] = new JsonArray(0, 1),
                ["integration_types"] = new JsonArray(0),
            };
            if (name == "timezone")
            {
                command["options"] = new JsonArray(Option("zone", copy.Commands["timezone.zone"], StringOption, required: false));
            }
            else if (TextOptions.TryGetValue(name, out var option))
            {
                command["options"] = new JsonArray(Option(option, copy.Commands[$"{name}.{option}"], StringOption, required: false));
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
