using System.Collections;
using Bot.Core.Replies;

namespace Bot.Core.Conversations;

/// <summary>A tiny table type so the flow reads as rows in a collection initializer.</summary>
public sealed class FlowTable : IEnumerable<FlowRow>
{
    private readonly Dictionary<(CheckInStep?, Intent), FlowRow> _rows = [];
    private readonly List<FlowRow> _ordered = [];

    public void Add(CheckInStep? from, Intent on, CheckInStep? to, FlowAction act, params ReadOnlySpan<ReplyKey> say)
    {
        var row = new FlowRow(from, on, to, act, say.ToArray());
        _rows.Add((from, on), row);
        _ordered.Add(row);
    }

    public FlowRow? Find(CheckInStep? from, Intent on) => _rows.GetValueOrDefault((from, on));

    public IEnumerator<FlowRow> GetEnumerator() => _ordered.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
