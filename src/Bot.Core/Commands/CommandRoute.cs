using Bot.Core.Conversations;

namespace Bot.Core.Commands;

/// <param name="Feature">The feature that answers; null when the check-in flow does.</param>
/// <param name="Flow">What the flow hears for the same word typed without the slash (and for the command, when no feature answers).</param>
public sealed record CommandRoute(Heard Heard, Type? Feature, Intent? Flow);

/// <summary>A step that belongs to a feature: plain answers in it go to that feature, not to the flow's table.</summary>
/// <param name="HearsPastModelRisk">
/// Answers in this step that only the crisis model (not the lexicon) heard as risk still go to the feature: a safety
/// plan's warning signs are meant to sound like risk ("I stop eating").
/// </param>
public sealed record ContinuingRoute(CheckInStep Step, Type Feature, bool HearsPastModelRisk);
