using System.Reflection;
using System.Text.Json;
using Bot.Core;

namespace Bot.Adapters.Terminal;

/// <summary>What the terminal itself says, loaded from terminal.en.json.</summary>
public sealed record TerminalCopy(string Hint)
{
    public static TerminalCopy English { get; } = EmbeddedJson.Read<TerminalCopy>(
        Assembly.GetExecutingAssembly(),
        "Bot.Adapters.Terminal.terminal.en.json",
        new JsonSerializerOptions { PropertyNameCaseInsensitive = true });
}
