using System.Text;

namespace Bot.Core.Conversations;

/// <summary>Draws <see cref="CheckInFlow.Table"/> as a Mermaid state diagram for docs/check-in-flow.md (kept in sync by a test).</summary>
public static class FlowDiagram
{
    /// <summary>Transitions decided by the engine's rules rather than by a row's "to" column.</summary>
    private static readonly (string From, string To, string Label)[] RuleEdges =
    [
        ("[*]", "Idle", "first contact"),
        ("Idle", "Opened", "first /checkin (Welcome, then the opener)"),
        ("ChoosingStep", "AskingConsent", "a first check-in closes (consent not asked yet)"),
        ("Idle", "Opened", "CheckInDue"),
        ("Closed", "Opened", "CheckInDue"),
        ("SafetyHold", "Opened", "CheckInDue, a day later"),
        ("Opened", "Closed", "ReplyTimedOut, or unclear twice, or 2nd decline"),
        ("OfferingGrounding", "Closed", "ReplyTimedOut, or unclear twice, or 2nd decline"),
        ("Grounding", "Closed", "ReplyTimedOut, or unclear twice, or 2nd decline"),
        ("Grounding", "Noticing", "Next after the last beat"),
        ("Noticing", "Closed", "ReplyTimedOut, or unclear twice"),
        ("ChoosingStep", "Closed", "ReplyTimedOut, or unclear twice, or 2nd decline"),
        ("SafetyGrounding", "SafetyHold", "Next after the last beat"),
        ("SafetyHold", "Closed", "Misread after a real check"),
        ("SafetyHold", "Opened", "Misread after a light check (back where they were)"),
    ];

    /// <summary>The rules <see cref="CheckInEngine"/> applies around the table (the same six as in CheckInFlow's summary).</summary>
    public static readonly string[] Rules =
    [
        "Crisis language is classified before anything else; Crisis, Sos and Stop win from every step.",
        "A person not yet introduced hears what this is first: /checkin opens a check-in right away (consent for scheduled ones is asked once it closes); /help introduces too; anything else gets Start.",
        "Resistance is met first: outside safety mode, its matched validation is said before the row's replies.",
        "The second decline (not today, skip, no) in one check-in closes warmly. There is never a third offer.",
        "No row: re-ask once (same buttons), then close gently. Idle, Closed and Paused give a hint; safety mode stays.",
        "Timers: CheckInDue opens from Idle/Closed (after safety mode, only a day later, gently); ReplyTimedOut closes a check-in quietly.",
    ];

    public static string ToMarkdown()
    {
        var builder = new StringBuilder();
        builder.Append("# The check-in flow\n\n");
        builder.Append("Generated from `src/Bot.Core/Conversations/CheckInFlow.cs` by `FlowDiagram.ToMarkdown()`. Do not edit by hand:\n");
        builder.Append("run `UPDATE_DOCS=1 dotnet test tests/Bot.Core.Tests --filter FlowDiagram` after changing the table.\n\n");
        builder.Append("\"Any step\" rows are interrupts, applied before the table from every step. Self-loops are replies that stay in the step.\n");
        builder.Append("Edges without an action name come from the engine's rules around the table:\n\n");
        foreach (var rule in Rules)
        {
            builder.Append("- ").Append(rule).Append('\n');
        }

        builder.Append('\n');
        builder.Append("```mermaid\n");
        builder.Append(ToMermaid());
        builder.Append("```\n");
        return builder.ToString();
    }

    public static string ToMermaid()
    {
        var builder = new StringBuilder();
        builder.Append("stateDiagram-v2\n");
        builder.Append("    state \"any step\" as Any\n");
        var edges = new List<(string From, string To, List<string> Labels)>();
        foreach (var row in CheckInFlow.Table)
        {
            var from = row.From?.ToString() ?? "Any";
            var to = row.To?.ToString() ?? from;
            var label = row.Act == FlowAction.Speak ? row.On.ToString() : $"{row.On} / {row.Act}";
            var existing = edges.FindIndex(e => e.From == from && e.To == to);
            if (existing >= 0)
            {
                edges[existing].Labels.Add(label);
            }
            else
            {
                edges.Add((from, to, [label]));
            }
        }

        foreach (var (from, to, labels) in edges)
        {
            builder.Append("    ").Append(from).Append(" --> ").Append(to).Append(" : ").Append(string.Join(", ", labels)).Append('\n');
        }

        foreach (var (from, to, label) in RuleEdges)
        {
            builder.Append("    ").Append(from).Append(" --> ").Append(to).Append(" : ").Append(label).Append('\n');
        }

        return builder.ToString();
    }
}
