using Bot.Adapters.Persistence;
using Bot.Core.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Bot.Host.Cli;

/// <summary>Finds a person for the operator verbs by platform and platform user id (--platform telegram --id 123).</summary>
public static class PersonLookup
{
    public sealed record Found(Guid PersonId, ChatAddress Chat, string ExternalUserId);

    public static async Task<Found?> FindAsync(IServiceProvider services, Platform platform, string externalUserId, TextWriter error)
    {
        var id = externalUserId.Trim();
        var identity = await services.GetRequiredService<BotDbContext>().Identities.AsNoTracking()
            .SingleOrDefaultAsync(i => i.Platform == platform && i.ExternalUserId == id);
        if (identity is null)
        {
            await error.WriteLineAsync($"No one with that {platform} id is stored.");
            return null;
        }

        return new Found(identity.PersonId, new ChatAddress(platform, identity.ChatId), id);
    }
}
