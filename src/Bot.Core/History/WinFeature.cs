using Bot.Core.Commands;
using Bot.Core.Messaging;
using Bot.Core.Persistence;

namespace Bot.Core.History;

/// <summary>/win TEXT keeps a line in the effort journal; the "note a tiny win" button explains how.</summary>
public sealed class WinFeature(HistoryCopy copy) : ICommandFeature
{
    public const string NoteWinChoice = "history:win";
    public const int MaxLength = 500;

    public Task<TurnDecision> PlanAsync(TurnContext context, CommandInput input, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (FeatureTurn.RefuseOutsidePrivate(context, input, copy) is { } refused)
        {
            return Task.FromResult(refused);
        }

        var text = input.Name == "win" ? input.Arguments.Trim() : "";
        if (text.Length == 0)
        {
            return Task.FromResult(FeatureTurn.Say(context, copy.Text(HistoryText.WinAsk)));
        }

        var win = new HistoryEntry(HistoryKinds.Win, "noted", text.Length > MaxLength ? text[..MaxLength] : text, now);
        return Task.FromResult(FeatureTurn.Reply(
            context,
            [OutboundMessage.Plain(context.Chat, copy.Text(HistoryText.WinKept))],
            [win]));
    }
}
