using Bot.Core.Commands;
using Bot.Core.Persistence;

namespace Bot.Core.History;

/// <summary>/link gives a one-time code; /link CODE on the other platform joins the two accounts into one person.</summary>
public sealed class LinkFeature(ILinkStore links, HistoryCopy copy) : ICommandFeature
{
    public async Task<TurnDecision> PlanAsync(TurnContext context, CommandInput input, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (FeatureTurn.RefuseOutsidePrivate(context, input, copy) is { } refused)
        {
            return refused;
        }

        var typed = LinkCode.Normalize(input.Arguments);
        if (typed.Length == 0)
        {
            var code = LinkCode.New();
            await links.IssueAsync(context.Person.Id, LinkCode.Hash(code), now, now + LinkCode.Lifetime, cancellationToken);
            return FeatureTurn.SayPersonal(context, copy.Format(HistoryText.LinkIssued, ("code", code)));
        }

        var result = await links.RedeemAsync(LinkCode.Hash(typed), context.Person.Id, now, cancellationToken);
        var decision = FeatureTurn.Say(context, copy.Text(result.Outcome switch
        {
            LinkOutcome.Linked => HistoryText.LinkDone,
            LinkOutcome.SamePerson => HistoryText.LinkSame,
            _ => HistoryText.LinkUnknown,
        }));
        return result.Absorbed is not { } absorbed
            ? decision
            : decision with
            {
                Person = context.Person with
                {
                    TimeZone = context.Person.TimeZone ?? absorbed.TimeZone,
                    Country = context.Person.Country ?? absorbed.Country,
                },
            };
    }
}
