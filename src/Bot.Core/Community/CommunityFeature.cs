using Bot.Core.Commands;
using Bot.Core.Messaging;
using Bot.Core.Persistence;

namespace Bot.Core.Community;

/// <summary>
/// Everything that arrives from a shared channel: "/community setup|stop" (the adapter has already checked the admin
/// right), the anonymous "I'm okay today" button, and any other group command (a pointer to the private chat).
/// Replies here are public, so they are about the post only: nothing personal, and an answer is only counted.
/// Crisis language never gets here: the handler checks it first.
/// </summary>
public sealed class CommunityFeature(ICommunityStore store, CommunityCopy copy) : ICommandFeature
{
    public const string CommandName = "community";
    public const string OkayChoiceId = "community:okay";

    public async Task<TurnDecision> PlanAsync(TurnContext context, CommandInput input, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (input.ChoiceId is not null)
        {
            if (input.ChoiceId == OkayChoiceId)
            {
                await CountOkayAsync(context.Chat, input, now, cancellationToken);
            }

            // The platform already answered the click privately; nothing is said in the channel.
            return Say(context);
        }

        if (input.Name != CommandName)
        {
            return Say(context, copy.GroupHelp);
        }

        var command = CommunityCommandParser.Parse(input.Arguments);
        switch (command.Kind)
        {
            case CommunityCommandKind.Setup:
                var channel = new CommunityChannel(context.Chat, command.LocalTime, command.TimeZone);
                await store.SaveChannelAsync(channel, CommunitySchedule.ServedAtSetup(channel, now), now, cancellationToken);
                return Say(context, copy.Confirm(channel, telegram: context.Chat.Platform == Platform.Telegram));

            case CommunityCommandKind.Stop:
                var removed = await store.RemoveChannelAsync(context.Chat, cancellationToken);
                return Say(context, removed ? copy.Stopped : copy.NotSetUp);

            case CommunityCommandKind.MissingTimeOrZone:
                return Say(context, copy.MissingTimeOrZone);

            case CommunityCommandKind.BadTime:
                return Say(context, copy.BadTime);

            case CommunityCommandKind.BadZone:
                return Say(context, copy.BadZone);

            default:
                return Say(context, context.Chat.Platform == Platform.Telegram ? copy.GroupHelp : copy.Help);
        }
    }

    /// <summary>Counted toward the channel's latest post (or today's, before the first one), once per person.</summary>
    private async Task CountOkayAsync(ChatAddress chat, CommandInput input, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (input.SenderId is not { Length: > 0 } senderId || await store.FindAsync(chat, cancellationToken) is not { } subscription)
        {
            return;
        }

        var day = subscription.LastPostedOn ?? CommunitySchedule.LocalDay(now, subscription.Channel.TimeZone);
        await store.RecordAnswerAsync(chat, day, senderId, cancellationToken);
    }

    /// <summary>Group turns keep no personal state: the person, conversation and memory go back unchanged.</summary>
    private static TurnDecision Say(TurnContext context, params string[] lines) => new(
        context.Person,
        context.Conversation,
        context.Replies,
        [],
        [.. lines.Select(line => OutboundMessage.Plain(context.Chat, line))],
        DeliveryLane.Reply,
        ScheduleChange.None);
}
