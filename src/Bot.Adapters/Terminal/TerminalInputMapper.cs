using Bot.Core.Messaging;

namespace Bot.Adapters.Terminal;

/// <summary>Pure: one typed line to an inbound message. A number or a label picks one of the buttons shown last.</summary>
public static class TerminalInputMapper
{
    public static InboundMessage? Map(string? line, TerminalSession session, string messageId, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return null;
        }

        var trimmed = line.Trim();
        var choice = PickChoice(trimmed, session.LastChoices);
        return choice is not null
            ? new InboundMessage(session.Chat, session.UserName, messageId, now, null, choice.Id)
            : new InboundMessage(session.Chat, session.UserName, messageId, now, line, null);
    }

    private static ReplyChoice? PickChoice(string input, IReadOnlyList<ReplyChoice> choices)
    {
        if (choices.Count == 0)
        {
            return null;
        }

        if (int.TryParse(input, out var number) && number >= 1 && number <= choices.Count)
        {
            return choices[number - 1];
        }

        return choices.FirstOrDefault(c => string.Equals(c.Label, input, StringComparison.OrdinalIgnoreCase));
    }
}
