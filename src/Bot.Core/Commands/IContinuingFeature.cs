using Bot.Core.Persistence;

namespace Bot.Core.Commands;

/// <summary>
/// A feature that holds a conversation of its own over several turns (a safety plan being written, an answer it asked
/// for). Commands go to their owners first and crisis language never gets here; plain answers in its steps do.
/// </summary>
public interface IContinuingFeature : ICommandFeature
{
    /// <summary>Read inside the turn: true when the stored conversation is in one of this feature's steps.</summary>
    bool Continues(TurnContext context, CommandInput input);
}
