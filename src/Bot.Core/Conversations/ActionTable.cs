using System.Collections;

namespace Bot.Core.Conversations;

/// <param name="From">The step the move starts from; null for the step of the row that names the action.</param>
/// <param name="To">Where the action itself may move, besides the row's "to".</param>
/// <param name="When">Why, in a few words (the diagram's label).</param>
public sealed record ActionEdge(CheckInStep? From, CheckInStep To, string When);

/// <summary>What each <see cref="FlowAction"/> a row names does, and where it may move on its own (drawn in the diagram).</summary>
internal sealed class ActionTable : IEnumerable<(FlowAction Act, IReadOnlyList<ActionEdge> Also)>
{
    private readonly Dictionary<FlowAction, (Action<TurnBuilder, FlowRow> Run, ActionEdge[] Also)> _rows = [];

    public void Add(FlowAction act, Action<TurnBuilder, FlowRow> run, params ReadOnlySpan<ActionEdge> also) => _rows.Add(act, (run, also.ToArray()));

    public void Run(TurnBuilder turn, FlowRow row) =>
        (_rows.TryGetValue(row.Act, out var action) ? action.Run : throw new InvalidOperationException($"Flow action {row.Act} has no meaning in the engine."))(turn, row);

    public IReadOnlyList<ActionEdge> Also(FlowAction act) => _rows.TryGetValue(act, out var action) ? action.Also : [];

    public IEnumerator<(FlowAction Act, IReadOnlyList<ActionEdge> Also)> GetEnumerator() =>
        _rows.Select(r => (r.Key, (IReadOnlyList<ActionEdge>)r.Value.Also)).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
