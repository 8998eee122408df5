using System.Diagnostics;
using Bot.Core.Messaging;
using Microsoft.Extensions.Options;

namespace Bot.Adapters.Persistence.Turns;

/// <summary>
/// The rows of people who spoke a moment ago, as their last turn committed them (PostgreSQL, this process), so their next
/// turn decides without a read. A stale entry costs a second decision, never a wrong save: the save checks the version
/// under the conversation's lock as it does for any load, and a conflict drops the entry. Writers in this process that
/// move a conversation on without leaving its rows here (the dispatcher, a turn saved alone) drop their people's entries.
/// </summary>
/// <remarks>
/// Entries are never changed after they are kept (a save keeps the rows it wrote, which nothing touches after the commit).
/// A message redelivered to someone in here is decided once more and stopped by its dedupe marker at the save.
/// </remarks>
public sealed class RecentTurnRows(IOptions<StorageOptions> options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(Platform, string), LinkedListNode<Entry>> _bySender = [];
    private readonly Dictionary<Guid, (Platform, string)> _byPerson = [];
    private readonly LinkedList<Entry> _oldestFirst = new();
    private long _hits;

    /// <summary>Loads answered from here (tests check the path they expect).</summary>
    internal long Hits => Interlocked.Read(ref _hits);

    internal bool TryGet(Platform platform, string senderId, out LoadedTurn rows)
    {
        var keepFor = options.Value.RecentTurnRowsFor;
        lock (_gate)
        {
            if (_bySender.TryGetValue((platform, senderId), out var node))
            {
                if (Stopwatch.GetElapsedTime(node.Value.KeptAt) < keepFor)
                {
                    Interlocked.Increment(ref _hits);
                    rows = node.Value.Rows;
                    return true;
                }

                Remove(node.Value.Sender);
            }
        }

        rows = null!;
        return false;
    }

    /// <summary>
    /// Keeps what a committed turn left, in place of anything kept for the person before (so a person has one entry at
    /// most), and lets go of entries past their time (own words among them are not held longer than they are used).
    /// </summary>
    internal void Keep(LoadedTurn rows)
    {
        var settings = options.Value;
        if (settings.RecentTurnRows == 0 || settings.RecentTurnRowsFor <= TimeSpan.Zero)
        {
            return;
        }

        var key = (rows.Identity.Platform, rows.Identity.ExternalUserId);
        lock (_gate)
        {
            RemovePerson(rows.Person.Id);
            Remove(key);
            _bySender[key] = _oldestFirst.AddLast(new Entry(key, rows, Stopwatch.GetTimestamp()));
            _byPerson[rows.Person.Id] = key;
            while (_oldestFirst.First is { } oldest
                   && (_bySender.Count > settings.RecentTurnRows || Stopwatch.GetElapsedTime(oldest.Value.KeptAt) >= settings.RecentTurnRowsFor))
            {
                Remove(oldest.Value.Sender);
            }
        }
    }

    /// <summary>Drops what is kept for a sender (a conflict: their rows moved on elsewhere).</summary>
    internal void Forget(Platform platform, string senderId)
    {
        lock (_gate)
        {
            Remove((platform, senderId));
        }
    }

    /// <summary>Drops what is kept for these people, under any of their accounts.</summary>
    internal void Forget(IEnumerable<Guid> personIds)
    {
        lock (_gate)
        {
            foreach (var personId in personIds)
            {
                RemovePerson(personId);
            }
        }
    }

    /// <summary>Drops everything kept.</summary>
    internal void Clear()
    {
        lock (_gate)
        {
            _bySender.Clear();
            _byPerson.Clear();
            _oldestFirst.Clear();
        }
    }

    private void RemovePerson(Guid personId)
    {
        if (_byPerson.TryGetValue(personId, out var sender))
        {
            Remove(sender);
        }
    }

    private void Remove((Platform, string) sender)
    {
        if (!_bySender.Remove(sender, out var node))
        {
            return;
        }

        _oldestFirst.Remove(node);
        _byPerson.Remove(node.Value.Rows.Person.Id);
    }

    private sealed record Entry((Platform, string) Sender, LoadedTurn Rows, long KeptAt);
}
