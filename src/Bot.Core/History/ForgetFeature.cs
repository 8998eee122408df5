using Bot.Core.Commands;
using Bot.Core.Messaging;
using Bot.Core.Persistence;

namespace Bot.Core.History;

/// <summary>/forget asks once, with a button; "yes" deletes every row about the person and says so.</summary>
public sealed class ForgetFeature(HistoryCopy copy) : ICommandFeature
{
    public const string YesChoice = "forget:yes";
    public const string NoChoice = "forget:no";

    public Task<TurnDecision> PlanAsync(TurnContext context, CommandInput input, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (FeatureTurn.RefuseOutsidePrivate(context, input, copy) is { } refused)
        {
            return Task.FromResult(refused);
        }

        var decision = input.ChoiceId switch
        {
            YesChoice => FeatureTurn.Say(context, copy.Text(HistoryText.ForgetDone)) with { ForgetPerson = true },
            NoChoice => FeatureTurn.Say(context, copy.Text(HistoryText.ForgetKept)),
            _ => FeatureTurn.Say(
                context,
                copy.Text(HistoryText.ForgetAsk),
                new ReplyChoice(YesChoice, copy.Choice(HistoryText.ForgetYes)),
                new ReplyChoice(NoChoice, copy.Choice(HistoryText.ForgetNo))),
        };
        return Task.FromResult(decision);
    }
}
