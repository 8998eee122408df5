using Bot.Adapters.Persistence.Entities;

namespace Bot.Adapters.Persistence.Turns;

/// <summary>The history and outbox rows of one or more turns, in the order they were decided.</summary>
internal sealed class NewTurnRows
{
    public List<HistoryEntryRow> History { get; } = [];

    public List<OutboxRow> Outbox { get; } = [];

    /// <summary>Tracks them in the context, to be saved with the rest of the turn.</summary>
    public void AddTo(BotDbContext db)
    {
        db.History.AddRange(History);
        db.Outbox.AddRange(Outbox);
    }
}
