using Bot.Core.Replies;
using Bot.Core.SafetyPlan;
using Bot.Core.Scheduling;

namespace Bot.Core.Safety;

/// <summary>
/// The labels of the bot's own buttons ("a bit better", "not today"), typed back instead of tapped: the person answers the
/// bot's question, so the crisis screen reads them with the lexicon only and does not ask the model (most of a check-in's
/// typed answers are these, and the model is by far the dearest part of a turn).
/// </summary>
public static class OfferedLabels
{
    private static readonly HashSet<string> All =
    [
        .. ReplyCatalog.English.Labels.Values.Select(Key),
        .. SafetyPlanCopy.English.Labels.Values.Select(Key),
        .. SchedulingCopy.English.Labels.Select(Key),
    ];

    public static bool Contains(string text) => All.Contains(Key(text));

    private static string Key(string text) => text.Trim().TrimEnd('.', '!', '?', ' ').ToLowerInvariant();
}
