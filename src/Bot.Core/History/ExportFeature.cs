using Bot.Core.Commands;
using Bot.Core.Messaging;
using Bot.Core.Persistence;

namespace Bot.Core.History;

/// <summary>/export: everything kept about the person, as a JSON file, plus their moods as CSV.</summary>
public sealed class ExportFeature(IPersonDataStore data, HistoryCopy copy) : ICommandFeature
{
    public async Task<TurnDecision> PlanAsync(TurnContext context, CommandInput input, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (FeatureTurn.RefuseOutsidePrivate(context, input, copy) is { } refused)
        {
            return refused;
        }

        var export = await data.ExportAsync(context.Person.Id, now, cancellationToken);
        return FeatureTurn.Reply(
            context,
            [
                new OutboundMessage(context.Chat, copy.Text(HistoryText.ExportJson), []) { Attachment = ExportFiles.Json(export), Personal = true },
                new OutboundMessage(context.Chat, copy.Text(HistoryText.ExportCsv), []) { Attachment = ExportFiles.MoodCsv(export), Personal = true },
            ]);
    }
}
