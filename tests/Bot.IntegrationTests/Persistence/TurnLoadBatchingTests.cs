using Bot.Adapters.Persistence;
using Bot.Adapters.Persistence.Turns;
using Bot.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static Bot.IntegrationTests.Persistence.TurnBatchDriver;

namespace Bot.IntegrationTests.Persistence;

/// <summary>Turns' loads on PostgreSQL: the ones that arrive while a read runs are read together, each with its own rows.</summary>
public sealed class TurnLoadBatchingTests : PostgresTurnTests
{
    [Fact]
    public async Task LoadsArrivingWhileAReadIsHeld_AreReadInOneRoundTrip_EachWithItsOwnRows()
    {
        var senders = Enumerable.Range(0, 21).Select(i => $"p{i}").ToArray();
        foreach (var sender in senders.Take(11))
        {
            Assert.True(await Driver.RunAsync(Request(sender, null), context => Task.FromResult(Quiet(context))));
        }

        // Two earlier turns for p1: its conversation's count is 2 when the held turns load it, everyone else's 0 (or new).
        Assert.True(await Driver.RunAsync(Request("p1", null), context => Task.FromResult(Count(context))));
        Assert.True(await Driver.RunAsync(Request("p1", null), context => Task.FromResult(Count(context))));

        var seen = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        var (handled, readsWhileHeld, reads) = await ReadBehindAHeldReadAsync(senders.Select(sender => (Func<Task<bool>>)(() => RunCountingAsync(sender))).ToArray());

        Assert.Equal(1, readsWhileHeld);
        Assert.All(handled, Assert.True);
        Assert.Equal(2, reads);
        Assert.Equal(21, seen.Count);
        Assert.All(senders.Where(s => s != "p1"), s => Assert.Equal(0, seen[s]));
        Assert.Equal(2, seen["p1"]);
        Assert.Equal(21, await Driver.DbAsync(db => db.People.CountAsync()));

        Task<bool> RunCountingAsync(string sender) => Driver.RunAsync(Request(sender, "m1"), context =>
        {
            seen[sender] = context.Conversation.Attempts;
            return Task.FromResult(Count(context));
        });
    }

    [Fact]
    public async Task AMessageAlreadyHandled_IsFoundByAReadOfMany_AndNeverDecidedAgain_AndTheOthersGoOn()
    {
        Assert.True(await Driver.RunAsync(Request("p1", "m1"), context => Task.FromResult(Say(context, "hello"))));

        // Redelivered after a restart (nothing kept in memory: p1's rows are read, not taken from RecentTurnRows).
        Use(await Store.RestartAsync());
        var decided = new System.Collections.Concurrent.ConcurrentBag<string>();
        Func<Task<bool>> Turn(string sender) => () => Driver.RunAsync(Request(sender, "m1"), context =>
        {
            decided.Add(sender);
            return Task.FromResult(Say(context, "hello"));
        });

        // p2's read is held; p1 (already handled) and p3 are read together behind it.
        var (handled, _, reads) = await ReadBehindAHeldReadAsync(Turn("p2"), Turn("p1"), Turn("p3"));

        Assert.Equal(2, reads);
        Assert.Equal(new[] { false, true, true }, new[] { handled[1], handled[0], handled[2] });
        Assert.DoesNotContain("p1", decided);
        Assert.Equal(3, await Driver.DbAsync(db => db.Outbox.CountAsync()));
    }

    /// <summary>
    /// Runs the first turn while <c>platform_identities</c> is locked by another connection, so its read waits on the lock;
    /// starts the others once it does (their loads queue behind it), then lets the reads go.
    /// </summary>
    /// <returns>Each turn's result in the order given, the reads made while the first was held, and the reads in all.</returns>
    private async Task<(bool[] Handled, long ReadsWhileHeld, long Reads)> ReadBehindAHeldReadAsync(params Func<Task<bool>>[] turns)
    {
        var loads = Store.Services.GetRequiredService<TurnLoadBatcher>();
        var connectionString = await Driver.DbAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
        await using var locker = new NpgsqlConnection(connectionString);
        await locker.OpenAsync();
        var before = loads.Reads;
        Task<bool>[] running;
        long whileHeld;
        await using (var transaction = await locker.BeginTransactionAsync())
        {
            await using (var command = new NpgsqlCommand("LOCK TABLE platform_identities IN ACCESS EXCLUSIVE MODE", locker, transaction))
            {
                await command.ExecuteNonQueryAsync();
            }

            var first = turns[0]();
            await TurnBatchDriver.WaitUntilBlockedByAsync(connectionString, locker.ProcessID);
            running = [first, .. turns.Skip(1).Select(turn => turn())];
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (loads.Waiting < turns.Length - 1)
            {
                Assert.True(DateTime.UtcNow < deadline, "the other loads never queued behind the held read");
                await Task.Delay(10);
            }

            whileHeld = loads.Reads - before;
            await transaction.CommitAsync();
        }

        var handled = await Task.WhenAll(running);
        return (handled, whileHeld, loads.Reads - before);
    }
}
