using Bot.Core.Commands;
using Bot.Core.Messaging;
using Bot.Core.Persistence;

namespace Bot.Core.History;

/// <summary>/history [14|30]: a picture of the moods someone named, with the same thing said in words for screen readers.</summary>
public sealed class MoodChartFeature(IHistoryStore history, IMoodChartRenderer renderer, HistoryCopy copy) : ICommandFeature
{
    public const int ShortWindow = 14;
    public const int LongWindow = 30;

    public async Task<TurnDecision> PlanAsync(TurnContext context, CommandInput input, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (FeatureTurn.RefuseOutsidePrivate(context, input, copy) is { } refused)
        {
            return refused;
        }

        var days = input.Arguments.Trim().StartsWith("30", StringComparison.Ordinal) ? LongWindow : ShortWindow;
        var zone = RecapTiming.ZoneOf(context.Person.TimeZone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var entries = await history.ReadAsync(context.Person.Id, now.AddDays(-days - 1), now, cancellationToken);
        var data = MoodHistory.Build(entries, zone, today, days, copy.Format(HistoryText.ChartTitle, ("days", days.ToString())));
        var summary = MoodHistory.Describe(data, copy);
        if (data.Points.Count == 0)
        {
            // Nothing on the scale to draw (moods only in their own words, or none): the words say it all.
            return FeatureTurn.Say(context, summary);
        }

        var chart = new OutboundAttachment($"inner-weather-{days}-days.png", "image/png", renderer.RenderPng(data));
        return FeatureTurn.Reply(context, [new OutboundMessage(context.Chat, summary, []) { Attachment = chart, Personal = true }]);
    }
}
