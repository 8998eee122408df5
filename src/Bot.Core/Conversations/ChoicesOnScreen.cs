using Bot.Core.Messaging;

namespace Bot.Core.Conversations;

/// <summary>
/// The buttons a person was shown last, kept in their conversation so that "2" or a label typed instead of a tap still
/// picks one, after a restart and on every platform. Pure.
/// </summary>
public static class ChoicesOnScreen
{
    /// <summary>
    /// The conversation after a turn sent <paramref name="outbox"/>: the buttons of its last message that had any; none when
    /// it said something without buttons; unchanged when it said nothing.
    /// </summary>
    public static Conversation After(Conversation conversation, IReadOnlyList<OutboundMessage> outbox)
    {
        if (outbox.Count == 0)
        {
            return conversation;
        }

        var shown = outbox.LastOrDefault(m => m.Choices.Count > 0)?.Choices ?? [];
        return shown.SequenceEqual(conversation.LastChoices) ? conversation : conversation with { LastChoices = [.. shown] };
    }

    /// <summary>A number (1 = the first button) or a button's label, typed as plain text; null for anything else.</summary>
    public static ReplyChoice? Pick(string? text, IReadOnlyList<ReplyChoice> choices)
    {
        var typed = text?.Trim();
        if (string.IsNullOrEmpty(typed) || typed.StartsWith('/') || choices.Count == 0)
        {
            return null;
        }

        if (int.TryParse(typed, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return number >= 1 && number <= choices.Count ? choices[number - 1] : null;
        }

        return choices.FirstOrDefault(c => string.Equals(c.Label, typed, StringComparison.OrdinalIgnoreCase));
    }
}
