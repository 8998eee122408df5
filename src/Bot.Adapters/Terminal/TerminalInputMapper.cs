using Bot.Core.Conversations;
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

    /// <summary>The chat started: Core greets a newcomer or welcomes someone back.</summary>
    public static InboundMessage Opened(TerminalSession session, string messageId, DateTimeOffset now) =>
        new(session.Chat, session.UserName, messageId, now, null, SessionOpenFeature.ChoiceId);
}
