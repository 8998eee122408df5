using Bot.Adapters.Persistence.Entities;
using Bot.Core.Messaging;
using Bot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Bot.Adapters.Persistence;

public sealed class EfOutboxStore(BotDbContext db, FreeTextProtector protector) : IOutboxStore
{
    public async Task<IReadOnlyList<OutboxItem>> ClaimAsync(
        IReadOnlyCollection<Platform> platforms, int max, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken, DeliveryLane? lane = null)
    {
        if (platforms.Count == 0 || max <= 0)
        {
            return [];
        }

        db.ChangeTracker.Clear();
        var rows = db.Provider == StoreProvider.Postgres
            ? await ClaimWithSkipLockedAsync(platforms, max, now, now + lease, lane, cancellationToken)
            : await ClaimInTransactionAsync(platforms, max, now, now + lease, lane, cancellationToken);

        return rows
            .OrderBy(r => r.Id)
            .Select(r => new OutboxItem(r.Id, OutboxPayload.Read(protector, r), r.Lane, r.Attempts))
            .ToArray();
    }

    /// <summary>
    /// Any number of replicas can claim at once, and a chat is claimed whole: only the claimer that locks a chat's oldest
    /// pending row (its head) takes that chat, with the rows after it up to the first one that is not free (leased, waiting
    /// for a retry, or in another lane). A chat whose head is leased or waiting is not touched, so its later rows never
    /// overtake an earlier one, even across crashes.
    /// </summary>
    private async Task<List<OutboxRow>> ClaimWithSkipLockedAsync(
        IReadOnlyCollection<Platform> platforms, int max, DateTimeOffset now, DateTimeOffset leaseUntil, DeliveryLane? lane, CancellationToken ct)
    {
        var lanes = Lanes(lane).Select(l => (short)l).ToArray();
        var names = platforms.Select(p => p.ToString()).ToArray();
        // Written to keep the same plan whatever the statistics say (the statement is prepared, and its generic plan is made
        // from statistics that a burst of check-ins makes stale at once): 'Pending' in the text, not a parameter, so the
        // partial index of pending rows by chat can serve it, and each chat's head and following rows looked up in that
        // index one chat at a time. The plain join a planner was free to choose compared every pending row with every
        // other one: 36-55 s per claim with 10,000 check-ins pending, past the command timeout (docs/benchmarks.md).
        return await db.Outbox.FromSql($"""
            WITH heads AS (
                SELECT h.id, h.platform, h.chat_id FROM outbox_messages h
                WHERE h.status = 'Pending' AND h.available_at <= {now}
                  AND (h.lease_until IS NULL OR h.lease_until < {now})
                  AND h.platform = ANY({names})
                  AND h.lane = ANY({lanes})
                  AND h.id = (
                      SELECT e.id FROM outbox_messages e
                      WHERE e.platform = h.platform AND e.chat_id = h.chat_id AND e.status = 'Pending'
                      ORDER BY e.id LIMIT 1)
                ORDER BY h.lane, h.id
                LIMIT {max}
                FOR UPDATE SKIP LOCKED),
            chat_rows AS (
                SELECT o.id, o.available_at <= {now} AND (o.lease_until IS NULL OR o.lease_until < {now}) AND o.lane = ANY({lanes}) AS free,
                       count(*) FILTER (WHERE NOT (o.available_at <= {now} AND (o.lease_until IS NULL OR o.lease_until < {now}) AND o.lane = ANY({lanes})))
                           OVER (PARTITION BY h.id ORDER BY o.id) AS blocked_before
                FROM heads h
                CROSS JOIN LATERAL (
                    SELECT * FROM outbox_messages o
                    WHERE o.platform = h.platform AND o.chat_id = h.chat_id AND o.status = 'Pending' AND o.id >= h.id
                    ORDER BY o.id LIMIT {max}) o),
            claimable AS (
                SELECT id FROM chat_rows WHERE free AND blocked_before = 0 ORDER BY id LIMIT {max})
            UPDATE outbox_messages SET lease_until = {leaseUntil}, attempts = attempts + 1
            WHERE id IN (SELECT id FROM claimable)
            RETURNING *
            """).AsNoTracking().ToListAsync(ct);
    }

    private static DeliveryLane[] Lanes(DeliveryLane? lane) => lane is { } only ? [only] : [DeliveryLane.Reply, DeliveryLane.Scheduled];

    /// <summary>One process (the local chat): the same rule as <see cref="ClaimWithSkipLockedAsync"/>, without row locks.</summary>
    private async Task<List<OutboxRow>> ClaimInTransactionAsync(
        IReadOnlyCollection<Platform> platforms, int max, DateTimeOffset now, DateTimeOffset leaseUntil, DeliveryLane? lane, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var lanes = Lanes(lane);
        var pendingRows = await db.Outbox
            .Where(o => o.Status == OutboxStatus.Pending && platforms.Contains(o.Platform))
            .OrderBy(o => o.Id)
            .ToListAsync(ct);
        var rows = pendingRows
            .GroupBy(o => (o.Platform, o.ChatId))
            .SelectMany(chat => chat.TakeWhile(o => o.AvailableAt <= now && (o.LeaseUntil == null || o.LeaseUntil < now) && lanes.Contains(o.Lane)))
            .OrderBy(o => o.Id)
            .Take(max)
            .ToList();
        foreach (var row in rows)
        {
            row.LeaseUntil = leaseUntil;
            row.Attempts++;
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return rows;
    }

    public async Task RenewLeaseAsync(IReadOnlyCollection<long> ids, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        var idArray = ids.ToArray();
        await db.Outbox
            .Where(o => idArray.Contains(o.Id) && o.Status == OutboxStatus.Pending && o.LeaseUntil != null)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.LeaseUntil, leaseUntil), cancellationToken);
    }

    public async Task MarkSentAsync(IReadOnlyCollection<long> ids, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }

        var sent = nameof(OutboxStatus.Sent);
        var idArray = ids.ToArray();
        if (db.Provider == StoreProvider.Postgres)
        {
            // One statement for the whole set.
            await db.Database.ExecuteSqlAsync($"""
                WITH gone AS (DELETE FROM outbox_messages WHERE id = ANY({idArray}) AND delete_when_sent)
                UPDATE outbox_messages SET status = {sent}, sent_at = {now}, lease_until = NULL
                WHERE id = ANY({idArray}) AND NOT delete_when_sent
                """, cancellationToken);
            return;
        }

        await db.Outbox.Where(o => idArray.Contains(o.Id) && o.DeleteWhenSent).ExecuteDeleteAsync(cancellationToken);
        await db.Outbox.Where(o => idArray.Contains(o.Id)).ExecuteUpdateAsync(
            s => s.SetProperty(o => o.Status, OutboxStatus.Sent).SetProperty(o => o.SentAt, now).SetProperty(o => o.LeaseUntil, (DateTimeOffset?)null),
            cancellationToken);
    }

    public async Task RetryLaterAsync(long id, DateTimeOffset availableAt, CancellationToken cancellationToken) =>
        await db.Outbox.Where(o => o.Id == id).ExecuteUpdateAsync(
            s => s.SetProperty(o => o.AvailableAt, availableAt).SetProperty(o => o.LeaseUntil, (DateTimeOffset?)null),
            cancellationToken);

    public async Task MarkFailedAsync(long id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await db.Outbox.Where(o => o.Id == id).ExecuteUpdateAsync(
            s => s.SetProperty(o => o.Status, OutboxStatus.Failed).SetProperty(o => o.LeaseUntil, (DateTimeOffset?)null),
            cancellationToken);
        await ErasePersonalPayloadsAsync(db.Outbox.Where(o => o.Id == id), cancellationToken);
    }

    public async Task<OutboxLag> MeasureAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var pending = db.Outbox.AsNoTracking().Where(o => o.Status == OutboxStatus.Pending);
        var depth = await pending.CountAsync(cancellationToken);
        var oldest = depth == 0
            ? (DateTimeOffset?)null
            : await pending.OrderBy(o => o.Id).Select(o => (DateTimeOffset?)o.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        return new OutboxLag(depth, oldest is null ? TimeSpan.Zero : now - oldest.Value);
    }

    public async Task MarkUnreachableAsync(long id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = await db.Outbox.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (row is null)
        {
            return;
        }

        // Writing again makes the person reachable (EfConversationStore); until then the scheduler skips them.
        await db.Identities
            .Where(i => i.Platform == row.Platform && i.ChatId == row.ChatId)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Reachable, false), cancellationToken);
        await db.Outbox
            .Where(o => o.Platform == row.Platform && o.ChatId == row.ChatId && o.Status == OutboxStatus.Pending)
            .ExecuteUpdateAsync(
                s => s.SetProperty(o => o.Status, OutboxStatus.Unreachable).SetProperty(o => o.LeaseUntil, (DateTimeOffset?)null),
                cancellationToken);
        await ErasePersonalPayloadsAsync(
            db.Outbox.Where(o => o.Platform == row.Platform && o.ChatId == row.ChatId && o.Status == OutboxStatus.Unreachable),
            cancellationToken);
    }

    /// <summary>
    /// A personal message that will not be delivered keeps no content (the person can ask again); the row stays, so failures
    /// are still counted.
    /// </summary>
    private static Task ErasePersonalPayloadsAsync(IQueryable<OutboxRow> rows, CancellationToken ct) =>
        rows.Where(o => o.DeleteWhenSent && (o.Payload != null || o.PayloadJson != null)).ExecuteUpdateAsync(
            s => s.SetProperty(o => o.Payload, (byte[]?)null).SetProperty(o => o.PayloadJson, (string?)null),
            ct);
}
