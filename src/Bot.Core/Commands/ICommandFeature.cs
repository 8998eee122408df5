using Bot.Core.Persistence;

namespace Bot.Core.Commands;

/// <summary>
/// A feature outside the check-in flow (settings, history, export, ...). Which input it answers, and before whom, is
/// its rows in <see cref="CommandRoutes"/>; the feature only plans the turn. Crisis language never reaches a feature:
/// it is checked first.
/// </summary>
public interface ICommandFeature
{
    /// <summary>Runs inside the turn's transaction: reads through ports share it, and the decision is saved with it.</summary>
    Task<TurnDecision> PlanAsync(TurnContext context, CommandInput input, DateTimeOffset now, CancellationToken cancellationToken);
}
