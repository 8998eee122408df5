using Bot.Core.Persistence;
using Bot.Core.Safety;

namespace Bot.Core.Commands;

/// <summary>
/// Reads <see cref="CommandRoutes"/> over the features this host registered. Precedence is the table's, never the order
/// the features were registered in; a feature without a row is a wiring mistake and stops the handler at once.
/// </summary>
public sealed class CommandRouter
{
    private readonly Dictionary<Type, ICommandFeature> _features = [];

    public CommandRouter(IEnumerable<ICommandFeature> features)
    {
        foreach (var feature in features)
        {
            var type = feature.GetType();
            if (!CommandRoutes.Commands.Any(r => r.Feature == type) && !CommandRoutes.Continuing.Any(r => r.Feature == type))
            {
                throw new InvalidOperationException($"{type.Name} answers nothing: give it a row in {nameof(CommandRoutes)}.");
            }

            _features.TryAdd(type, feature);
        }
    }

    /// <summary>The feature that answers this command or button; null when the flow does (or no registered feature hears it).</summary>
    public ICommandFeature? Owner(CommandInput input)
    {
        foreach (var row in CommandRoutes.Commands.Where(r => r.Heard.Matches(input)))
        {
            if (row.Feature is null)
            {
                return null;
            }

            if (_features.TryGetValue(row.Feature, out var feature))
            {
                return feature;
            }
        }

        return null;
    }

    /// <summary>The feature whose step the conversation is in, for a plain answer (never a command); null for the flow.</summary>
    public ICommandFeature? Continuing(TurnContext context, CommandInput input, CrisisAssessment screened)
    {
        if (input.Name is not null)
        {
            return null;
        }

        var row = CommandRoutes.Continuing.FirstOrDefault(r => r.Step == context.Conversation.Step && _features.ContainsKey(r.Feature));
        return row is not null && (screened.Level == RiskLevel.None || (row.HearsPastModelRisk && screened.ModelAlone))
            ? _features[row.Feature]
            : null;
    }
}
