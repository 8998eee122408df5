using System.Collections;
using Bot.Core.Conversations;

namespace Bot.Core.Commands;

/// <summary>A tiny table type so the command routes read as rows in a collection initializer, in order of precedence.</summary>
public sealed class CommandTable : IEnumerable<CommandRoute>
{
    private readonly List<CommandRoute> _rows = [];

    public void Add(Heard heard, Type feature) => Add(new CommandRoute(heard, feature, null));

    public void Add(Heard heard, Type feature, Intent flow) => Add(new CommandRoute(heard, feature, flow));

    public void Add(Heard heard, Intent flow) => Add(new CommandRoute(heard, null, flow));

    private void Add(CommandRoute row)
    {
        if (row.Feature is { } type && !typeof(ICommandFeature).IsAssignableFrom(type))
        {
            throw new ArgumentException($"{type.Name} is not an {nameof(ICommandFeature)}.", nameof(row));
        }

        _rows.Add(row);
    }

    /// <summary>The first row that hears the input, whichever features are registered.</summary>
    public CommandRoute? Find(CommandInput input) => _rows.FirstOrDefault(r => r.Heard.Matches(input));

    public IEnumerator<CommandRoute> GetEnumerator() => _rows.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
