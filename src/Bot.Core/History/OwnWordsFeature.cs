using Bot.Core.Commands;
using Bot.Core.Messaging;
using Bot.Core.Persistence;

namespace Bot.Core.History;

/// <summary>/words shows the phrases kept with the person's okay, with a button to let them all go.</summary>
public sealed class OwnWordsFeature(IOwnWordsStore words, HistoryCopy copy) : ICommandFeature
{
    public const string ForgetChoice = "words:forget";

    public async Task<TurnDecision> PlanAsync(TurnContext context, CommandInput input, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (FeatureTurn.RefuseOutsidePrivate(context, input, copy) is { } refused)
        {
            return refused;
        }

        if (input.ChoiceId == ForgetChoice || input.Arguments.Trim().Equals("forget", StringComparison.OrdinalIgnoreCase))
        {
            return FeatureTurn.Say(context, copy.Text(HistoryText.WordsForgotten)) with { Writes = [new WithdrawOwnWordsConsent()] };
        }

        var kept = await words.ListAsync(context.Person.Id, cancellationToken);
        if (kept.Count == 0)
        {
            return FeatureTurn.Say(context, copy.Text(HistoryText.WordsNone));
        }

        var text = copy.Text(HistoryText.WordsList) + "\n" + string.Join('\n', kept.Select(w => "• " + w.Phrase));
        return FeatureTurn.SayPersonal(context, text, new ReplyChoice(ForgetChoice, copy.Choice(HistoryText.WordsForget)));
    }
}
