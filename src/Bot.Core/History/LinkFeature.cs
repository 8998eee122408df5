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
            return FeatureTurn.SayPersonal(context, copy.Format(HistoryText.LinkIssued, ("code", code))) with
            {
                Writes = [new IssueLinkCode(LinkCode.Hash(code), now + LinkCode.Lifetime)],
            };
        }

        // A code works once: a redeemed or mistyped one is unknown, and it is used up even by its own owner.
        var hash = LinkCode.Hash(typed);
        var owner = await links.FindOwnerAsync(hash, now, cancellationToken);
        if (owner is null)
        {
            return FeatureTurn.Say(context, copy.Text(HistoryText.LinkUnknown));
        }

        var used = new RedeemLinkCode(hash, owner.Id);
        if (owner.Id == context.Person.Id)
        {
            return FeatureTurn.Say(context, copy.Text(HistoryText.LinkSame)) with { Writes = [used] };
        }

        return FeatureTurn.Say(context, copy.Text(HistoryText.LinkDone)) with
        {
            Person = context.Person with
            {
                TimeZone = context.Person.TimeZone ?? owner.TimeZone,
                Country = context.Person.Country ?? owner.Country,
            },
            Writes = [used],
        };
    }
}
