using Bot.Core.Messaging;
using Bot.Core.Persistence;

namespace Bot.Core.History;

/// <summary>
/// Use case for the weekly job: each due look back is written to the outbox in the same transaction that moves its
/// due time on, so a crash neither loses it nor, with several replicas, sends it twice.
/// </summary>
public sealed class WeeklyRecapDispatcher(IRecapStore recaps, IHistoryStore history, TurnLoop turns, HistoryCopy copy, TimeProvider clock)
{
    public const int BatchSize = 100;

    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var sent = 0;
        foreach (var due in await recaps.FindDueAsync(now, BatchSize, cancellationToken))
        {
            var wrote = false;
            await turns.RunAsync(
                new TurnRequest(due.Chat, due.SenderId, null, now),
                async (context, ct) =>
                {
                    wrote = false;
                    var zone = RecapTiming.ZoneOf(context.Person.TimeZone);
                    if (!await recaps.IsDueAsync(context.Person.Id, now, ct))
                    {
                        return FeatureTurn.Reply(context, []);
                    }

                    var week = await history.ReadAsync(context.Person.Id, now.AddDays(-7), now, ct);
                    var text = WeeklyRecap.Render(WeeklyRecap.Facts(week, zone), copy);
                    wrote = true;
                    return FeatureTurn.Reply(context, [OutboundMessage.Plain(context.Chat, text) with { Personal = true }]) with
                    {
                        Lane = DeliveryLane.Scheduled,
                        Writes = [new AdvanceWeeklyRecap(RecapTiming.NextAfter(now, zone))],
                    };
                },
                cancellationToken);
            sent += wrote ? 1 : 0;
        }

        return sent;
    }
}
