using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;

namespace Bot.Adapters.Persistence;

/// <summary>
/// Start-up decrypts the newest encrypted value of each kind, so a key ring that cannot read what is stored stops the
/// bot at once, naming Storage:EncryptionKeys, instead of surfacing later in an export. An empty store passes.
/// </summary>
internal static class EncryptionKeyCheck
{
    public static async Task VerifyAsync(BotDbContext db, FreeTextProtector protector, CancellationToken cancellationToken)
    {
        byte[]?[] samples =
        [
            await db.History.Where(h => h.FreeText != null).OrderByDescending(h => h.Id).Select(h => h.FreeText).FirstOrDefaultAsync(cancellationToken),
            await db.Set<Entities.OwnWordsRow>().OrderByDescending(w => w.Id).Select(w => w.Phrase).FirstOrDefaultAsync(cancellationToken),
            await db.Set<Entities.SafetyPlanRow>().OrderByDescending(p => p.UpdatedAt).Select(p => p.Plan).FirstOrDefaultAsync(cancellationToken),
            await db.Outbox.Where(o => o.Payload != null).OrderByDescending(o => o.Id).Select(o => o.Payload).FirstOrDefaultAsync(cancellationToken),
        ];

        foreach (var sample in samples.Where(s => s is { Length: > 0 }))
        {
            try
            {
                _ = protector.Unprotect(sample);
            }
            catch (CryptographicException)
            {
                throw new ConfigurationException(
                    StoreSettings.EncryptionKeysKey,
                    $"cannot decrypt the free text already stored (written with key id '{FreeTextProtector.KeyIdOf(sample!)}'). "
                    + "Put the key it was written with back in the list, after the new one (env Storage__EncryptionKeys).");
            }
        }
    }
}
