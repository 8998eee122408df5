using Bot.Core.Commands;
using Bot.Core.Messaging;
using Bot.Core.Persistence;

namespace Bot.Core.History;

/// <summary>/recap [on|off] and its buttons: the weekly look back is opt-in and easy to stop.</summary>
public sealed class WeeklyRecapFeature(HistoryCopy copy) : ICommandFeature
{
    public const string OnChoice = "recap:on";
    public const string OffChoice = "recap:off";

    public async Task<TurnDecision> PlanAsync(TurnContext context, CommandInput input, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (FeatureTurn.RefuseOutsidePrivate(context, input, copy) is { } refused)
        {
            return refused;
        }

        var argument = input.Arguments.Trim().ToLowerInvariant();
        bool? on = input.ChoiceId switch
        {
            OnChoice => true,
            OffChoice => false,
            _ => argument switch
            {
                "on" or "yes" => true,
                "off" or "no" or "stop" => false,
                _ => null,
            },
        };

        if (on is null)
        {
            return FeatureTurn.Say(
                context,
                copy.Text(HistoryText.RecapOffer),
                new ReplyChoice(OnChoice, copy.Choice(HistoryText.RecapYes)),
                new ReplyChoice(OffChoice, copy.Choice(HistoryText.RecapNo)));
        }

        var next = RecapTiming.NextAfter(now, RecapTiming.ZoneOf(context.Person.TimeZone));
        return FeatureTurn.Say(context, copy.Text(on.Value ? HistoryText.RecapOn : HistoryText.RecapOff)) with
        {
            Writes = [new SetWeeklyRecap(on.Value, next)],
        };
    }
}
