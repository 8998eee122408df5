using Bot.Adapters.Persistence;
using Bot.Core.Conversations;
using Bot.Core.Messaging;
using Bot.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Bot.IntegrationTests.Persistence.TurnBatchDriver;

namespace Bot.IntegrationTests.Persistence;

/// <summary>Group commit on PostgreSQL: concurrent people's turns share one transaction, and nothing is lost or mixed up.</summary>
public sealed class TurnBatchingTests() : PostgresTurnTests(s => s.Configure<StorageOptions>(o => o.TurnBatchConcurrency = 1))
{
    [Fact]
    public async Task TurnsArrivingWhileABatchCommits_AreCommittedTogether_EachWithItsOwnRows()
    {
        var (gate, first) = await HoldTheOnlySlotAsync("hello p0");

        var rest = Enumerable.Range(1, 20).Select(i => RunAsync(Request($"p{i}", $"m{i}"), context => Task.FromResult(Say(context, $"hello p{i}")))).ToArray();
        await Driver.WaitUntilQueuedAsync(20);
        gate.SetResult();

        Assert.True(await first);
        Assert.All(await Task.WhenAll(rest), Assert.True);
        Assert.Equal(21, await DbAsync(db => db.People.CountAsync()));
        Assert.Equal(21, await DbAsync(db => db.Outbox.CountAsync()));
        Assert.Equal(21, await DbAsync(db => db.History.CountAsync()));

        // Rows written in one transaction share its id (xmin): the twenty that waited went in one.
        Assert.Equal(2, await ScalarAsync("SELECT count(DISTINCT xmin::text) FROM conversations"));
        var outbox = await DbAsync(db => db.Outbox.PayloadsAsync(Protector));
        Assert.All(outbox, o => Assert.Contains($"hello {o.ChatId}", o.Json, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ADecisionThatFailsInABatch_FailsAlone_AndTheOthersAreCommitted()
    {
        var (gate, first) = await HoldTheOnlySlotAsync("hello");
        var others = Enumerable.Range(1, 6).Select(i => RunAsync(Request($"p{i}", $"m{i}"), context => Task.FromResult(Say(context, "hello")))).ToArray();
        var failing = RunAsync(Request("broken", "mb"), _ => throw new InvalidOperationException("a bug in one turn"));
        await Driver.WaitUntilQueuedAsync(6);
        gate.SetResult();

        Assert.True(await first);
        Assert.All(await Task.WhenAll(others), Assert.True);
        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.Equal(7, await DbAsync(db => db.Outbox.CountAsync()));
        Assert.Equal(7, await DbAsync(db => db.ProcessedInbound.CountAsync()));
        Assert.False(await DbAsync(db => db.ProcessedInbound.AnyAsync(p => p.MessageKey == "broken:mb")));
    }

    [Fact]
    public async Task ATurnWhoseConversationChangedWhileItDecided_DecidesAgainOnTheNewState_AndIsSavedOnce()
    {
        Assert.True(await RunAsync(Request("p1", "m0"), context => Task.FromResult(Say(context, "hi"))));
        var decided = 0;
        var handled = await RunAsync(Request("p1", "m1"), async context =>
        {
            if (++decided == 1)
            {
                // Another turn of the same person is saved while this one is being decided.
                Assert.True(await RunAsync(Request("p1", "m2"), other => Task.FromResult(Count(other))));
            }

            return Count(context);
        });

        Assert.True(handled);
        Assert.Equal(2, decided);
        Assert.Equal(1, await DbAsync(db => db.Conversations.Where(c => c.StateJson.Contains("\"attempts\":2")).CountAsync()));
        Assert.Equal(3, await DbAsync(db => db.ProcessedInbound.CountAsync()));
        Assert.Equal(3, await DbAsync(db => db.Outbox.CountAsync()));
        Assert.False(await RunAsync(Request("p1", "m1"), context => Task.FromResult(Say(context, "again"))));
    }

    [Fact]
    public async Task OnePersonReachedThroughTwoLinkedAccounts_InOneBatch_KeepsBothTurns()
    {
        Assert.True(await RunAsync(Request("tg", "m0"), context => Task.FromResult(Say(context, "hi"))));
        await ScalarAsync("INSERT INTO platform_identities (person_id, platform, external_user_id, chat_id, reachable, created_at) " +
                          "SELECT person_id, 'Discord', 'dc', 'dc', true, now() FROM platform_identities WHERE external_user_id = 'tg'; SELECT 0");

        var (gate, blocker) = await HoldTheOnlySlotAsync("hi");
        var fromTelegram = RunAsync(Request("tg", "m1"), context => Task.FromResult(Count(context)));
        var fromDiscord = RunAsync(Request("dc", "m2", Platform.Discord), context => Task.FromResult(Count(context)));
        await Driver.WaitUntilQueuedAsync(2);
        gate.SetResult();

        Assert.True(await blocker);
        Assert.True(await fromTelegram);
        Assert.True(await fromDiscord);

        // Each turn counted on top of the other's: neither overwrote the other's state.
        Assert.Equal(1, await DbAsync(db => db.Conversations.Where(c => c.StateJson.Contains("\"attempts\":2")).CountAsync()));
    }

    [Fact]
    public async Task TheSameMessageDeliveredManyTimesAtOnce_IsHandledOnce()
    {
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => RunAsync(Request("p1", "same"), context => Task.FromResult(Say(context, "hi")))));

        Assert.Single(outcomes, handled => handled);
        Assert.Equal(1, await DbAsync(db => db.Outbox.CountAsync()));
    }

    [Fact]
    public async Task AKnownPersonInABatch_GetsTheirOwnProfileStateAndKeptWords_AndNotAnotherPersons()
    {
        Assert.True(await RunAsync(Request("p1", "m0"), context => Task.FromResult(Count(context) with
        {
            Person = context.Person with { TimeZone = "Europe/Oslo", Country = "NO" },
            KeepOwnWords = "one breath at a time",
        })));
        Assert.True(await RunAsync(Request("p2", "m0"), context => Task.FromResult(Say(context, "hi"))));

        var (gate, blocker) = await HoldTheOnlySlotAsync("hi");
        var seen = new System.Collections.Concurrent.ConcurrentDictionary<string, TurnContext>();
        var turns = new[] { "p1", "p2" }.Select(p => RunAsync(Request(p, "m1"), context =>
        {
            seen[p] = context;
            return Task.FromResult(Count(context));
        })).ToArray();
        await Driver.WaitUntilQueuedAsync(2);
        gate.SetResult();

        Assert.True(await blocker);
        Assert.All(await Task.WhenAll(turns), Assert.True);
        Assert.False(seen["p1"].IsNewPerson);
        Assert.Equal(("Europe/Oslo", "NO"), (seen["p1"].Person.TimeZone, seen["p1"].Person.Country));
        Assert.Equal(1, seen["p1"].Conversation.Attempts);
        Assert.Equal(["one breath at a time"], seen["p1"].OwnWords);
        Assert.Empty(seen["p2"].OwnWords);
        Assert.Equal(0, seen["p2"].Conversation.Attempts);
        Assert.Equal(1, await DbAsync(db => db.Conversations.Where(c => c.StateJson.Contains("\"attempts\":2")).CountAsync()));
    }

    [Fact]
    public async Task AKnownPersonInABatch_WhoseProfileAndChatChanged_IsSavedWithTheChanges_NextToOneWhoseDidNot()
    {
        Assert.True(await RunAsync(Request("p1", "m0"), context => Task.FromResult(Say(context, "hi"))));
        Assert.True(await RunAsync(Request("p2", "m0"), context => Task.FromResult(Say(context, "hi"))));
        await ScalarAsync("UPDATE platform_identities SET reachable = false WHERE external_user_id = 'p1'; SELECT 0");

        var (gate, blocker) = await HoldTheOnlySlotAsync("hi");
        var moved = Request("p1", "m1") with { Chat = new ChatAddress(Platform.Telegram, "new-chat") };
        var changed = RunAsync(moved, context => Task.FromResult(Say(context, "hi") with
        {
            Person = context.Person with { TimeZone = "Asia/Tokyo", Country = "JP" },
        }));
        var unchanged = RunAsync(Request("p2", "m1"), context => Task.FromResult(Count(context)));
        await Driver.WaitUntilQueuedAsync(2);
        gate.SetResult();

        Assert.True(await blocker);
        Assert.True(await changed);
        Assert.True(await unchanged);
        var people = await DbAsync(db => db.Identities
            .Join(db.People, i => i.PersonId, p => p.Id, (i, p) => new { i.ExternalUserId, i.ChatId, i.Reachable, p.TimeZone, p.Country })
            .OrderBy(x => x.ExternalUserId)
            .ToListAsync());
        Assert.Equal(
            [new { ExternalUserId = "p0", ChatId = "p0", Reachable = true, TimeZone = (string?)null, Country = (string?)null },
             new { ExternalUserId = "p1", ChatId = "new-chat", Reachable = true, TimeZone = (string?)"Asia/Tokyo", Country = (string?)"JP" },
             new { ExternalUserId = "p2", ChatId = "p2", Reachable = true, TimeZone = (string?)null, Country = (string?)null }],
            people);
        Assert.Equal(1, await DbAsync(db => db.Conversations.Where(c => c.StateJson.Contains("\"attempts\":1")).CountAsync()));
    }

    [Fact]
    public async Task AFirstContactInABatch_GetsTheSameRowsAsOneThatRanAlone()
    {
        Assert.True(await RunAsync(Request("alone", null), context => Task.FromResult(Say(context, "hi"))));
        var (gate, blocker) = await HoldTheOnlySlotAsync("hi");
        var batched = new[] { "b1", "b2" }.Select(p => RunAsync(Request(p, "m0"), context => Task.FromResult(Say(context, "hi")))).ToArray();
        await Driver.WaitUntilQueuedAsync(2);
        gate.SetResult();
        Assert.True(await blocker);
        Assert.All(await Task.WhenAll(batched), Assert.True);

        var rows = await DbAsync(db => db.Identities
            .Join(db.People, i => i.PersonId, p => p.Id, (i, p) => new { i, p })
            .Join(db.Conversations, x => x.i.PersonId, c => c.PersonId, (x, c) => new { x.i, x.p, c })
            .Join(db.Schedules, x => x.i.PersonId, s => s.PersonId, (x, s) => new { x.i, x.p, x.c, s })
            .OrderBy(x => x.i.ExternalUserId)
            .ToListAsync());
        var described = rows.Select(x => new
        {
            x.i.ExternalUserId,
            Row = string.Join("|", x.i.Platform, x.i.ChatId == x.i.ExternalUserId, x.i.Reachable, x.i.Id > 0, x.i.CreatedAt,
                x.p.CreatedAt, x.p.Locale, x.p.TimeZone, x.p.Country,
                x.c.Step, x.c.StateJson, x.c.RepliesJson, x.c.UpdatedAt,
                x.s.Enabled, x.s.Paused, x.s.NextDueAt, x.s.PreferencesJson, x.s.StateJson, x.s.UpdatedAt),
        }).ToList();
        Assert.Equal(["alone", "b1", "b2", "p0"], described.Select(r => r.ExternalUserId));
        Assert.All(described, r => Assert.Equal(described[0].Row, r.Row));
    }

    [Fact]
    public async Task EachTurnsMessages_AreQueuedInTheOrderTheyWereDecided()
    {
        var (gate, blocker) = await HoldTheOnlySlotAsync("hi");
        var turns = new[] { "p1", "p2" }.Select(p => RunAsync(Request(p, "m1"), context => Task.FromResult(Say(context, "one") with
        {
            Outbox = [.. new[] { "one", "two", "three" }.Select(text => OutboundMessage.Plain(context.Chat, $"{text} {p}"))],
        }))).ToArray();
        await Driver.WaitUntilQueuedAsync(2);
        gate.SetResult();

        Assert.True(await blocker);
        Assert.All(await Task.WhenAll(turns), Assert.True);
        foreach (var person in new[] { "p1", "p2" })
        {
            var queued = await DbAsync(db => db.Outbox.Where(o => o.ChatId == person).OrderBy(o => o.Id).JsonAsync(Protector));
            Assert.Collection(
                queued,
                first => Assert.Contains($"one {person}", first, StringComparison.Ordinal),
                second => Assert.Contains($"two {person}", second, StringComparison.Ordinal),
                third => Assert.Contains($"three {person}", third, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task ASmallStepChosenInABatch_AsksTheScheduleForTheGentleFollowUp()
    {
        Assert.True(await RunAsync(Request("p1", "m0"), context => Task.FromResult(Say(context, "hi"))));
        await ScalarAsync("UPDATE schedules SET enabled = true; SELECT 0");

        var (gate, blocker) = await HoldTheOnlySlotAsync("hi");
        var turn = RunAsync(Request("p1", "m1"), context => Task.FromResult(Say(context, "nice") with
        {
            History = [new HistoryEntry("small-step", "walk", null, DateTimeOffset.UnixEpoch)],
            Writes = [new RequestStepFollowUp()],
        }));
        await Driver.WaitUntilQueuedAsync(1);
        gate.SetResult();

        Assert.True(await blocker);
        Assert.True(await turn);
        var state = await DbAsync(db => db.Schedules
            .Where(s => db.Identities.Any(i => i.ExternalUserId == "p1" && i.PersonId == s.PersonId))
            .Select(s => s.StateJson)
            .SingleAsync());
        Assert.Contains("followUpRequestedAt", state, StringComparison.OrdinalIgnoreCase);
    }

    private Task<(TaskCompletionSource Gate, Task<bool> Turn)> HoldTheOnlySlotAsync(string text) => Driver.HoldASlotAsync("p0", text);

    private Task<bool> RunAsync(TurnRequest request, Func<TurnContext, Task<TurnDecision>> decide) => Driver.RunAsync(request, decide);

    private Task<T> DbAsync<T>(Func<BotDbContext, Task<T>> query) => Driver.DbAsync(query);

    private FreeTextProtector Protector => Store.Services.GetRequiredService<FreeTextProtector>();

    private Task<long> ScalarAsync(string sql) => Driver.ScalarAsync(sql);
}
