using Bot.Core.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Bot.Adapters.Persistence;

/// <summary>A platform told us someone blocked (or unblocked) the bot: the scheduler skips unreachable people.</summary>
public sealed class EfReachabilityHandler(BotDbContext db) : IReachabilityHandler
{
    public async Task SetReachableAsync(ChatAddress chat, bool reachable, DateTimeOffset at, CancellationToken cancellationToken) =>
        await db.Identities
            .Where(i => i.Platform == chat.Platform && i.ChatId == chat.ChatId)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Reachable, reachable), cancellationToken);
}
