using Bot.Core.Commands;
using Bot.Core.Messaging;
using Bot.Core.Persistence;
using Bot.Core.Safety;

namespace Bot.Core.SafetyPlan;

/// <summary>/country: sets (or changes) the country whose crisis lines the bot shows, at any time.</summary>
public sealed class CountryFeature(SafetyPlanCopy copy) : ICommandFeature
{
    public const string Command = "country";
    public const string ChoicePrefix = "setcountry:";
    private static readonly string[] Common = ["US", "GB", "CA", "AU", "IN", "DE"];

    public Task<TurnDecision> PlanAsync(TurnContext context, CommandInput input, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var answer = input.ChoiceId is { } choice ? choice[ChoicePrefix.Length..] : input.Arguments;
        if (string.IsNullOrWhiteSpace(answer))
        {
            return Reply(context, context.Person, new OutboundMessage(context.Chat, copy.Text("countryAsk"), copy.Choices([.. Common.Select(c => ChoicePrefix + c)])));
        }

        var directory = CrisisLineDirectory.Default;
        var code = directory.Find(answer.Trim())?.Code ?? directory.CountryIn(answer);
        if (code is null)
        {
            return Reply(context, context.Person, OutboundMessage.Plain(context.Chat, copy.Text("countryUnknown")));
        }

        var person = context.Person with { Country = code };
        return Reply(context, person, OutboundMessage.Plain(context.Chat, copy.Text("countrySaved", person)));
    }

    private static Task<TurnDecision> Reply(TurnContext context, People.PersonProfile person, OutboundMessage message) =>
        Task.FromResult(new TurnDecision(
            person,
            context.Conversation with { CountryAsked = true },
            context.Replies,
            [],
            [message],
            DeliveryLane.Reply,
            ScheduleChange.None));
}
