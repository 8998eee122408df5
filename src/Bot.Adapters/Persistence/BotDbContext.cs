using Bot.Adapters.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Bot.Adapters.Persistence;

/// <summary>One model for both stores; each provider has its own subclass so it can keep its own migrations.</summary>
public abstract class BotDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<PersonRow> People => Set<PersonRow>();

    public DbSet<PlatformIdentityRow> Identities => Set<PlatformIdentityRow>();

    public DbSet<ConversationRow> Conversations => Set<ConversationRow>();

    public DbSet<HistoryEntryRow> History => Set<HistoryEntryRow>();

    public DbSet<ScheduleRow> Schedules => Set<ScheduleRow>();

    public DbSet<OutboxRow> Outbox => Set<OutboxRow>();

    public DbSet<ProcessedInboundRow> ProcessedInbound => Set<ProcessedInboundRow>();

    public DbSet<CommunityChannelRow> CommunityChannels => Set<CommunityChannelRow>();

    public DbSet<CommunityDayRow> CommunityDays => Set<CommunityDayRow>();

    public DbSet<CommunityAnswerRow> CommunityAnswers => Set<CommunityAnswerRow>();

    public DbSet<DeadLetterRow> DeadLetters => Set<DeadLetterRow>();

    public abstract StoreProvider Provider { get; }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(BotDbContext).Assembly);
}
