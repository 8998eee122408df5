using Bot.Core.Persistence;

namespace Bot.Core.Commands;

/// <summary>
/// A feature outside the check-in flow (settings, history, export, ...). The handler asks each feature whether it
/// claims the input; the first that does plans the turn instead of the check-in engine. Crisis language never
/// reaches a feature: it is checked first.
/// </summary>
public interface ICommandFeature
{
    bool Claims(CommandInput input);

    /// <summary>Runs inside the turn's transaction: reads through ports share it, and the decision is saved with it.</summary>
    Task<TurnDecision> PlanAsync(TurnContext context, CommandInput input, DateTimeOffset now, CancellationToken cancellationToken);
}
