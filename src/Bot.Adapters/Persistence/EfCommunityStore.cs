using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Bot.Adapters.Persistence.Entities;
using Bot.Adapters.Persistence.Turns;
using Bot.Core.Community;
using Bot.Core.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Bot.Adapters.Persistence;

public sealed class EfCommunityStore(BotDbContext db, FreeTextProtector protector) : ICommunityStore
{
    public async Task SaveChannelAsync(CommunityChannel channel, DateOnly? postedOn, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = await db.CommunityChannels.SingleOrDefaultAsync(
            c => c.Platform == channel.Chat.Platform && c.ChatId == channel.Chat.ChatId, cancellationToken);
        if (row is null)
        {
            row = new CommunityChannelRow { Platform = channel.Chat.Platform, ChatId = channel.Chat.ChatId, CreatedAt = now };
            db.CommunityChannels.Add(row);
        }

        row.LocalTime = channel.LocalTime;
        row.TimeZone = channel.TimeZone;
        row.LastPostedOn = postedOn ?? row.LastPostedOn;
        row.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<bool> RemoveChannelAsync(ChatAddress chat, CancellationToken cancellationToken)
    {
        await db.CommunityAnswers.Where(a => a.Platform == chat.Platform && a.ChatId == chat.ChatId).ExecuteDeleteAsync(cancellationToken);
        await db.CommunityDays.Where(d => d.Platform == chat.Platform && d.ChatId == chat.ChatId).ExecuteDeleteAsync(cancellationToken);
        return await db.CommunityChannels.Where(c => c.Platform == chat.Platform && c.ChatId == chat.ChatId).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    public async Task<CommunitySubscription?> FindAsync(ChatAddress chat, CancellationToken cancellationToken)
    {
        var row = await db.CommunityChannels.AsNoTracking()
            .SingleOrDefaultAsync(c => c.Platform == chat.Platform && c.ChatId == chat.ChatId, cancellationToken);
        return row is null ? null : ToSubscription(row);
    }

    public async Task<IReadOnlyList<CommunitySubscription>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await db.CommunityChannels.AsNoTracking().ToListAsync(cancellationToken);
        return [.. rows.Select(ToSubscription)];
    }

    public async Task<bool> RecordAnswerAsync(ChatAddress chat, DateOnly day, string senderId, CancellationToken cancellationToken)
    {
        var platform = chat.Platform.ToString();
        var dayValue = DayParameter(day);
        var fresh = RandomNumberGenerator.GetBytes(32);
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO community_answer_days (platform, chat_id, day, secret) VALUES ({platform}, {chat.ChatId}, {dayValue}, {fresh}) ON CONFLICT DO NOTHING",
            cancellationToken);
        var secret = await db.CommunityDays
            .Where(d => d.Platform == chat.Platform && d.ChatId == chat.ChatId && d.Day == day)
            .Select(d => d.Secret)
            .SingleAsync(cancellationToken);

        var hash = AnswerHash(secret, chat.Platform, senderId);
        var inserted = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO community_answers (platform, chat_id, day, answer_hash) VALUES ({platform}, {chat.ChatId}, {dayValue}, {hash}) ON CONFLICT DO NOTHING",
            cancellationToken);
        return inserted == 1;
    }

    public Task<int> CountAnswersAsync(ChatAddress chat, DateOnly day, CancellationToken cancellationToken) =>
        db.CommunityAnswers.CountAsync(a => a.Platform == chat.Platform && a.ChatId == chat.ChatId && a.Day == day, cancellationToken);

    public async Task<int> ForgetAnswersBeforeAsync(ChatAddress chat, DateOnly day, CancellationToken cancellationToken)
    {
        var answers = await db.CommunityAnswers
            .Where(a => a.Platform == chat.Platform && a.ChatId == chat.ChatId && a.Day < day)
            .ExecuteDeleteAsync(cancellationToken);
        await db.CommunityDays
            .Where(d => d.Platform == chat.Platform && d.ChatId == chat.ChatId && d.Day < day)
            .ExecuteDeleteAsync(cancellationToken);
        return answers;
    }

    public Task<bool> ClaimDayAsync(ChatAddress chat, DateOnly day, OutboundMessage post, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(
            (chat, day, post, now),
            async (_, state, ct) => await ClaimDayOnceAsync(state.chat, state.day, state.post, state.now, ct),
            verifySucceeded: null,
            cancellationToken);

    private async Task<bool> ClaimDayOnceAsync(ChatAddress chat, DateOnly day, OutboundMessage post, DateTimeOffset now, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.CommunityChannels
            .Where(c => c.Platform == chat.Platform && c.ChatId == chat.ChatId && (c.LastPostedOn == null || c.LastPostedOn < day))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastPostedOn, day).SetProperty(c => c.UpdatedAt, now), cancellationToken) == 1;
        if (claimed)
        {
            db.Outbox.Add(TurnRows.Outbox(protector, null, post, DeliveryLane.Scheduled, now));
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return claimed;
    }

    /// <summary>Who answered, keyed by the day's secret: the same person gives the same hash that day, and no one can tell whose it is once the secret is gone.</summary>
    internal static string AnswerHash(byte[] daySecret, Platform platform, string senderId) =>
        Convert.ToBase64String(HMACSHA256.HashData(daySecret, Encoding.UTF8.GetBytes($"{platform}:{senderId}")));

    /// <summary>SQLite keeps DateOnly as "yyyy-MM-dd" text (the model's own mapping); PostgreSQL takes a date.</summary>
    private object DayParameter(DateOnly day) =>
        db.Provider == StoreProvider.Sqlite ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : day;

    private static CommunitySubscription ToSubscription(CommunityChannelRow row) =>
        new(new CommunityChannel(new ChatAddress(row.Platform, row.ChatId), row.LocalTime, row.TimeZone), row.LastPostedOn);
}
