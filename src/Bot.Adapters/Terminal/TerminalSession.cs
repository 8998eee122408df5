using Bot.Core.Messaging;

namespace Bot.Adapters.Terminal;

/// <summary>The one local person talking in this terminal.</summary>
public sealed class TerminalSession(string userName, TextWriter output)
{
    public string UserName { get; } = userName;

    public ChatAddress Chat { get; } = new(Platform.Terminal, userName);

    public TextWriter Output { get; } = output;
}
