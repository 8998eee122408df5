using System.ComponentModel.DataAnnotations;

namespace Bot.Adapters.Persistence;

public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>Sqlite (embedded default) or Postgres. Postgres is chosen automatically when ConnectionStrings:Postgres is set.</summary>
    public StoreProvider? Provider { get; set; }

    /// <summary>Where the SQLite file and the local encryption key live.</summary>
    /// <summary>Empty means the per-user data folder (~/.local/share/CompassionBot on Linux).</summary>
    public string DataDirectory { get; set; } = "";

    /// <summary>Encryption keys for free text, "id:base64-32-bytes" separated by commas; the first one encrypts, all decrypt.</summary>
    public string? EncryptionKeys { get; set; }

    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>
    /// PostgreSQL's password, kept apart from ConnectionStrings:Postgres so that any character (a ';', a quote) is safe:
    /// when set it replaces the connection string's password.
    /// </summary>
    public string? PostgresPassword { get; set; }

    /// <summary>PostgreSQL: at most this many concurrent people's turns are committed in one transaction.</summary>
    [Range(1, 1000)]
    public int TurnBatchSize { get; set; } = 64;

    /// <summary>PostgreSQL: how many turn batches may be committing at once (the others' turns wait and go together).</summary>
    [Range(1, 64)]
    public int TurnBatchConcurrency { get; set; } = 2;

    /// <summary>
    /// PostgreSQL: how many reads of turns' rows may run at once; the loads that arrive meanwhile wait and are read together
    /// (<c>TurnLoadBatcher</c>), one round trip for many people.
    /// </summary>
    [Range(1, 64)]
    public int TurnLoadConcurrency { get; set; } = 1;

    /// <summary>
    /// PostgreSQL: how many people's rows this process keeps after their turn commits, so their next turn needs no read
    /// (<c>RecentTurnRows</c>; the save still checks the version). Zero keeps none.
    /// </summary>
    [Range(0, 1_000_000)]
    public int RecentTurnRows { get; set; } = 4096;

    /// <summary>PostgreSQL: how long kept rows are used after the turn that left them.</summary>
    public TimeSpan RecentTurnRowsFor { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// PostgreSQL: while another batch commits, a free slot may wait this long for as many turns as the last batch carried
    /// (people who just got their answer tend to speak again). Zero starts every batch at once.
    /// </summary>
    public TimeSpan TurnBatchGatherAtMost { get; set; } = TimeSpan.FromMilliseconds(5);
}
