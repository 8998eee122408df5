using System.Collections;
using Bot.Core.Replies;

namespace Bot.Core.Conversations;

/// <summary>A tiny table type so the flow reads as rows in a collection initializer.</summary>
public sealed class FlowTable : IEnumerable<FlowRow>
{
    private readonly Dictionary<(CheckInStep, Intent), FlowRow> _rows = [];

    public void Add(CheckInStep from, Intent on, CheckInStep to, ReplyKey say) =>
        _rows.Add((from, on), new FlowRow(from, on, to, say));

    public FlowRow? Find(CheckInStep from, Intent on) => _rows.GetValueOrDefault((from, on));

    public IEnumerator<FlowRow> GetEnumerator() => _rows.Values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
