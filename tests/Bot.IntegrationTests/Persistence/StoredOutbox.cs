using Bot.Adapters.Persistence;
using Bot.Adapters.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Bot.IntegrationTests.Persistence;

/// <summary>Outbox rows as tests look at them: each payload's JSON, decrypted with the store's own key ring.</summary>
internal static class StoredOutbox
{
    public static async Task<List<(string ChatId, string Json)>> PayloadsAsync(this IQueryable<OutboxRow> rows, FreeTextProtector protector) =>
        [.. (await rows.AsNoTracking().ToListAsync()).Select(r => (r.ChatId, OutboxPayload.Json(protector, r)))];

    public static async Task<List<string>> JsonAsync(this IQueryable<OutboxRow> rows, FreeTextProtector protector) =>
        [.. (await rows.PayloadsAsync(protector)).Select(p => p.Json)];
}
