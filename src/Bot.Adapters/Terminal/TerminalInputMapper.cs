using Bot.Core.Messaging;

namespace Bot.Adapters.Terminal;

/// <summary>
/// Pure: one typed line to an inbound message. A number or a label typed for a button is read by Core against the buttons
/// the person was shown last (kept in their conversation), so it still works after a restart.
/// </summary>
public static class TerminalInputMapper
{
    public static InboundMessage? Map(string? line, TerminalSession session, string messageId, DateTimeOffset now) =>
        string.IsNullOrWhiteSpace(line) ? null : new InboundMessage(session.Chat, session.UserName, messageId, now, line, null);
}
