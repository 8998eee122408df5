using Bot.Adapters.Persistence;
using Bot.Adapters.Persistence.Turns;
using Bot.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static Bot.IntegrationTests.Persistence.TurnBatchDriver;

namespace Bot.IntegrationTests.Persistence;

/// <summary>Turns' loads on PostgreSQL: the ones that arrive while a read runs are read together, each with its own rows.</summary>
public sealed class TurnLoadBatchingTests : IAsyncLifetime
{
    private StoreUnderTest _store = null!;
    private TurnBatchDriver _driver = null!;

    public async Task InitializeAsync()
    {
        _store = await StoreUnderTest.CreateAsync(StoreProvider.Postgres);
        _driver = new TurnBatchDriver(_store);
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task LoadsArrivingWhileAReadIsHeld_AreReadInOneRoundTrip_EachWithItsOwnRows()
    {
        var senders = Enumerable.Range(0, 21).Select(i => $"p{i}").ToArray();
        foreach (var sender in senders.Take(11))
        {
            Assert.True(await _driver.RunAsync(Request(sender, null), context => Task.FromResult(Quiet(context))));
        }

        // Two earlier turns for p1: its conversation's count is 2 when the held turns load it, everyone else's 0 (or new).
        Assert.True(await _driver.RunAsync(Request("p1", null), context => Task.FromResult(Count(context))));
        Assert.True(await _driver.RunAsync(Request("p1", null), context => Task.FromResult(Count(context))));

        var loads = _store.Services.GetRequiredService<TurnLoadBatcher>();
        var connectionString = await _driver.DbAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
        await using var locker = new NpgsqlConnection(connectionString);
        await locker.OpenAsync();
        var reads = loads.Reads;
        var seen = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        Task<bool>[] turns;
        await using (var transaction = await locker.BeginTransactionAsync())
        {
            await using (var command = new NpgsqlCommand("LOCK TABLE platform_identities IN ACCESS EXCLUSIVE MODE", locker, transaction))
            {
                await command.ExecuteNonQueryAsync();
            }

            var first = RunCountingAsync("p0");
            await TurnBatchDriver.WaitUntilBlockedByAsync(connectionString, locker.ProcessID);
            turns = [first, .. senders.Skip(1).Select(RunCountingAsync)];
            await Task.Delay(200);
            Assert.Equal(reads + 1, loads.Reads);
            await transaction.CommitAsync();
        }

        Assert.All(await Task.WhenAll(turns), Assert.True);
        Assert.Equal(reads + 2, loads.Reads);
        Assert.Equal(21, seen.Count);
        Assert.All(senders.Where(s => s != "p1"), s => Assert.Equal(0, seen[s]));
        Assert.Equal(2, seen["p1"]);
        Assert.Equal(21, await _driver.DbAsync(db => db.People.CountAsync()));

        Task<bool> RunCountingAsync(string sender) => _driver.RunAsync(Request(sender, "m1"), context =>
        {
            seen[sender] = context.Conversation.Attempts;
            return Task.FromResult(Count(context));
        });
    }

    [Fact]
    public async Task AMessageAlreadyHandled_IsFoundByAReadOfMany_AndTheOthersGoOn()
    {
        Assert.True(await _driver.RunAsync(Request("p1", "m1"), context => Task.FromResult(Say(context, "hello"))));
        var turns = new[] { "p1", "p2", "p3" }.Select(sender => _driver.RunAsync(Request(sender, "m1"), context => Task.FromResult(Say(context, "hello")))).ToArray();

        var handled = await Task.WhenAll(turns);
        Assert.Equal(new[] { false, true, true }, handled);
        Assert.Equal(3, await _driver.DbAsync(db => db.Outbox.CountAsync()));
    }
}
