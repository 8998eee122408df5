using Bot.Core.Commands;
using Bot.Core.Messaging;
using Bot.Core.Persistence;

namespace Bot.Core.Community;

/// <summary>
/// Everything that arrives from a shared channel, on every platform: setting up, ending and asking about the daily post
/// (Discord's "/community", Telegram's "/dailypost" and "/stopdailypost"; only for the channel's admins, a fact the
/// adapter reads from the platform), the invitation on a plain "/checkin", the anonymous "I'm okay today" button, and any
/// other group command (a pointer to the private chat). Replies here are public, so they are about the post only: nothing
/// personal, and an answer is only counted. Crisis language never gets here: the handler checks it first.
/// </summary>
public sealed class CommunityFeature(ICommunityStore store, CommunityCopy copy) : ICommandFeature
{
    public const string CommandName = "community";
    public const string OkayChoiceId = "community:okay";

    /// <summary>The zone of a plain "/dailypost": the post comes at the time it was asked for, in UTC.</summary>
    public const string DailyPostTimeZone = "UTC";

    public async Task<TurnDecision> PlanAsync(TurnContext context, CommandInput input, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (input.ChoiceId is not null)
        {
            // The platform already answered the click privately; nothing is said in the channel.
            var counted = input.ChoiceId == OkayChoiceId ? await CountOkayAsync(context.Chat, input, now, cancellationToken) : null;
            return Say(context) with { Writes = counted is null ? [] : [counted] };
        }

        var command = CommunityCommandParser.Read(input);
        if (command is null)
        {
            return Say(context, copy.GroupHelp);
        }

        if (NeedsAdmin(command.Kind) && !input.SenderIsChatAdmin)
        {
            return Say(context, copy.AdminsOnly);
        }

        var telegram = context.Chat.Platform == Platform.Telegram;
        switch (command.Kind)
        {
            case CommunityCommandKind.Setup:
                var channel = new CommunityChannel(context.Chat, command.LocalTime, command.TimeZone);
                return Say(context, copy.Confirm(channel, telegram)) with { Writes = [Save(channel, now)] };

            case CommunityCommandKind.SetupNow:
                var utc = now.ToUniversalTime();
                var daily = new CommunityChannel(context.Chat, new TimeOnly(utc.Hour, utc.Minute), DailyPostTimeZone);
                return Send(context, [Line(context, copy.DailyPostDone), Invitation(context, now)]) with { Writes = [Save(daily, now)] };

            case CommunityCommandKind.Stop:
                var removed = await store.FindAsync(context.Chat, cancellationToken) is not null;
                return Say(context, removed ? copy.Stopped : copy.NotSetUp) with { Writes = [new RemoveCommunityChannel(context.Chat)] };

            case CommunityCommandKind.Status:
                var subscription = await store.FindAsync(context.Chat, cancellationToken);
                return Say(context, subscription is null ? copy.NotSetUp : copy.Describe(subscription.Channel));

            case CommunityCommandKind.Invite:
                return Send(context, [Invitation(context, now)]);

            case CommunityCommandKind.MissingTimeOrZone or CommunityCommandKind.BadTime or CommunityCommandKind.BadZone
                when input.Name == CommunityCommandParser.DailyPost:
                return Say(context, copy.TelegramSetupHelp);

            case CommunityCommandKind.MissingTimeOrZone:
                return Say(context, copy.MissingTimeOrZone);

            case CommunityCommandKind.BadTime:
                return Say(context, copy.BadTime);

            case CommunityCommandKind.BadZone:
                return Say(context, copy.BadZone);

            default:
                return Say(context, telegram ? copy.GroupHelp : copy.Help);
        }
    }

    /// <summary>Setting up, ending and every attempt at it are for the channel's admins; help and status are for anyone.</summary>
    private static bool NeedsAdmin(CommunityCommandKind kind) =>
        kind is not (CommunityCommandKind.Unknown or CommunityCommandKind.Status or CommunityCommandKind.Invite);

    /// <summary>When today's time has already passed, today counts as served and the first post is tomorrow.</summary>
    private static SaveCommunityChannel Save(CommunityChannel channel, DateTimeOffset now) =>
        new(channel, CommunitySchedule.ServedAtSetup(channel, now));

    /// <summary>The post itself, now, without a count: counts belong to the scheduled post only.</summary>
    private static OutboundMessage Invitation(TurnContext context, DateTimeOffset now) =>
        OutboundMessage.Community(context.Chat, new CommunityPost(DateOnly.FromDateTime(now.UtcDateTime), null));

    /// <summary>Counted toward the channel's latest post (or today's, before the first one), once per person.</summary>
    private async Task<RecordCommunityAnswer?> CountOkayAsync(ChatAddress chat, CommandInput input, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (input.SenderId is not { Length: > 0 } senderId || await store.FindAsync(chat, cancellationToken) is not { } subscription)
        {
            return null;
        }

        var day = subscription.LastPostedOn ?? CommunitySchedule.LocalDay(now, subscription.Channel.TimeZone);
        return new RecordCommunityAnswer(chat, day, senderId);
    }

    private static OutboundMessage Line(TurnContext context, string line) => OutboundMessage.Plain(context.Chat, line);

    private static TurnDecision Say(TurnContext context, params string[] lines) => Send(context, [.. lines.Select(line => Line(context, line))]);

    /// <summary>Group turns keep no personal state: the person, conversation and memory go back unchanged.</summary>
    private static TurnDecision Send(TurnContext context, IReadOnlyList<OutboundMessage> messages) => new(
        context.Person,
        context.Conversation,
        context.Replies,
        [],
        messages,
        DeliveryLane.Reply,
        ScheduleChange.None);
}
