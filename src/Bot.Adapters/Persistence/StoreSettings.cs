using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Bot.Adapters.Persistence;

/// <summary>The resolved store: which provider, where, and the free-text key ring. Fails fast, naming the bad key.</summary>
public sealed record StoreSettings(StoreProvider Provider, string ConnectionString, string KeyRing)
{
    /// <summary>The resolved folder of the embedded store (and of files the terminal saves); null with PostgreSQL.</summary>
    public string? DataDirectory { get; init; }

    public const string KeyFileName = "free-text.key";
    public const string SqliteFileName = "compassionbot.db";

    private const string ProviderKey = "Storage:Provider";
    private const string DataDirectoryKey = "Storage:DataDirectory";
    internal const string EncryptionKeysKey = "Storage:EncryptionKeys";
    internal const string ConnectionStringKey = "ConnectionStrings:Postgres";
    private const string PostgresPasswordKey = "Storage:PostgresPassword";

    /// <summary>
    /// Every turn runs the same few statements: prepared once per connection, PostgreSQL skips parsing and planning them
    /// (measured in docs/benchmarks.md). A connection string that sets Max Auto Prepare itself (0 for PgBouncer before
    /// 1.21) keeps its value.
    /// </summary>
    private static string WithPreparedStatements(string connectionString, string? password)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(password))
        {
            builder.Password = password;
        }

        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>();
        if (!given.Any(key => key.Replace(" ", "", StringComparison.Ordinal).Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase)))
        {
            builder.MaxAutoPrepare = 64;
        }

        return builder.ConnectionString;
    }

    public static StoreSettings From(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(PersistenceServiceCollectionExtensions.PostgresConnectionStringName);
        var provider = ParseProvider(configuration[ProviderKey], connectionString);
        var keyRing = configuration[EncryptionKeysKey];

        if (provider == StoreProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new ConfigurationException(ConnectionStringKey, "is required when Storage:Provider is Postgres (env ConnectionStrings__Postgres).");
            }

            try
            {
                connectionString = WithPreparedStatements(connectionString, configuration[PostgresPasswordKey]);
            }
            catch (ArgumentException)
            {
                throw new ConfigurationException(ConnectionStringKey, "is not a valid PostgreSQL connection string.");
            }

            if (string.IsNullOrWhiteSpace(keyRing))
            {
                throw new ConfigurationException(EncryptionKeysKey, "is required with PostgreSQL: free text is encrypted at rest. Format 'id:base64-of-32-bytes' (env Storage__EncryptionKeys).");
            }

            Validate(keyRing);
            return new StoreSettings(provider, connectionString, keyRing);
        }

        var dataDirectory = configuration[DataDirectoryKey];
        if (string.IsNullOrWhiteSpace(dataDirectory))
        {
            dataDirectory = DefaultDataDirectory();
        }

        try
        {
            Directory.CreateDirectory(dataDirectory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ConfigurationException(DataDirectoryKey, $"cannot be created or used ({ex.GetType().Name}).");
        }

        keyRing = string.IsNullOrWhiteSpace(keyRing) ? LocalKeyRing(dataDirectory) : keyRing;
        Validate(keyRing);
        var sqlite = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, SqliteFileName),
            Pooling = false,
            DefaultTimeout = 30,
        };
        return new StoreSettings(provider, sqlite.ToString(), keyRing) { DataDirectory = Path.GetFullPath(dataDirectory) };
    }

    /// <summary>The per-user data folder (~/.local/share/CompassionBot on Linux), so the store never lands inside a checkout.</summary>
    public static string DefaultDataDirectory()
    {
        var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create);
        return Path.Combine(string.IsNullOrEmpty(root) ? Path.GetTempPath() : root, "CompassionBot");
    }

    public FreeTextProtector CreateProtector() => FreeTextProtector.Parse(KeyRing, EncryptionKeysKey);

    private static StoreProvider ParseProvider(string? value, string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return string.IsNullOrWhiteSpace(connectionString) ? StoreProvider.Sqlite : StoreProvider.Postgres;
        }

        return Enum.TryParse<StoreProvider>(value, ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new ConfigurationException(ProviderKey, $"must be Sqlite or Postgres.");
    }

    private static void Validate(string keyRing)
    {
        try
        {
            _ = FreeTextProtector.Parse(keyRing, EncryptionKeysKey);
        }
        catch (FormatException ex)
        {
            throw new ConfigurationException(EncryptionKeysKey, ex.Message);
        }
    }

    /// <summary>The embedded default keeps its own key next to the database, readable only by the owner.</summary>
    private static string LocalKeyRing(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, KeyFileName);
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        var ring = FreeTextProtector.NewKeyRing("local1");
        File.WriteAllText(path, ring);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return ring;
    }
}
