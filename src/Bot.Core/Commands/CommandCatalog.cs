using System.Text;
using System.Text.Json;

namespace Bot.Core.Commands;

/// <summary>
/// The one list of a person's commands (Content/commands.en.json), grouped as /help shows them. The platforms' command
/// menus are registered from it and the README's tables are tested against it, so none of them can drift.
/// </summary>
public sealed class CommandCatalog
{
    private CommandCatalog(IReadOnlyList<CommandGroup> groups) => Groups = groups;

    public static CommandCatalog English { get; } = new(
        EmbeddedJson.Read<CatalogFile>(typeof(CommandCatalog).Assembly, "Bot.Core.Content.commands.en.json", new JsonSerializerOptions(JsonSerializerDefaults.Web)).Groups);

    public IReadOnlyList<CommandGroup> Groups { get; }

    /// <summary>Every command, in the order of the menus and /help.</summary>
    public IReadOnlyList<CommandEntry> All => [.. Groups.SelectMany(g => g.Commands)];

    public CommandEntry this[string name] => All.Single(c => c.Name == name);

    /// <summary>The grouped list /help shows: a title, then "/name: what it does" a line each.</summary>
    public string HelpList()
    {
        var text = new StringBuilder();
        foreach (var group in Groups)
        {
            text.Append(text.Length == 0 ? "" : "\n\n").Append(group.Title);
            foreach (var command in group.Commands)
            {
                text.Append("\n/").Append(command.Name).Append(": ").Append(command.About);
            }
        }

        return text.ToString();
    }

    private sealed record CatalogFile(CommandGroup[] Groups);
}

public sealed record CommandGroup(string Title, CommandEntry[] Commands);

/// <param name="Option">The words a command takes after its name, where it takes any (a Discord slash command's option).</param>
public sealed record CommandEntry(string Name, string About, CommandOption? Option = null);

public sealed record CommandOption(string Name, string About);
