using System.Diagnostics;
using Npgsql;

namespace Bot.Testing;

/// <summary>
/// A real PostgreSQL for tests: BOT_TEST_POSTGRES when set, otherwise a throw-away cluster started from the local
/// PostgreSQL binaries (initdb + pg_ctl on a free loopback port, as the postgres user when running as root).
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string EnvironmentVariable = "BOT_TEST_POSTGRES";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static PostgresServer? _shared;

    private readonly string? _dataDirectory;
    private readonly string? _binDirectory;
    private readonly bool _asPostgresUser;

    private PostgresServer(string adminConnectionString, string? dataDirectory, string? binDirectory, bool asPostgresUser)
    {
        AdminConnectionString = adminConnectionString;
        _dataDirectory = dataDirectory;
        _binDirectory = binDirectory;
        _asPostgresUser = asPostgresUser;
    }

    public string AdminConnectionString { get; }

    /// <summary>One server per test process, stopped when the process exits.</summary>
    public static async Task<PostgresServer> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_shared is null)
            {
                _shared = await StartAsync();
                AppDomain.CurrentDomain.ProcessExit += (_, _) => _shared.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }

            return _shared;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>A fresh, empty database; its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(63, prefix.Length + 33)].ToLowerInvariant();
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = true }.ToString();
    }

    private static async Task<PostgresServer> StartAsync()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return new PostgresServer(fromEnvironment, null, null, false);
        }

        return await StartClusterAsync();
    }

    /// <summary>
    /// A cluster of its own from the local binaries (never BOT_TEST_POSTGRES), for tests that stop and start the server.
    /// The caller disposes it.
    /// </summary>
    public static Task<PostgresServer> StartDedicatedAsync() => StartClusterAsync();

    /// <summary>True when this server is a local cluster the tests may stop and start.</summary>
    public bool CanRestart => _dataDirectory is not null;

    /// <summary>Stops the server at once (no checkpoint), as a crash or an operator would.</summary>
    public Task StopAsync() =>
        RunAsync(Path.Combine(RequireBin(), "pg_ctl"), ["-D", _dataDirectory!, "-m", "immediate", "-w", "stop"], _asPostgresUser);

    /// <summary>Starts a stopped cluster again on the same port.</summary>
    public Task StartAgainAsync() =>
        RunAsync(Path.Combine(RequireBin(), "pg_ctl"), ["-D", _dataDirectory!, "-l", Path.Combine(Path.GetDirectoryName(_dataDirectory!)!, "log"), "-w", "-t", "60", "start"], _asPostgresUser);

    private string RequireBin() => _binDirectory ?? throw new InvalidOperationException("This server is not a local cluster.");

    private static async Task<PostgresServer> StartClusterAsync()
    {
        var bin = FindBinDirectory() ?? throw new InvalidOperationException(
            $"No PostgreSQL for the integration tests. Set {EnvironmentVariable} to a connection string of a role that may " +
            "create databases, or install the server binaries (Debian/Ubuntu: apt-get install postgresql) so the tests can start their own.");

        var asPostgresUser = Environment.UserName == "root";
        var root = Path.Combine(Path.GetTempPath(), $"cb-pg-{Guid.NewGuid():N}");
        var data = Path.Combine(root, "data");
        Directory.CreateDirectory(root);
        if (asPostgresUser)
        {
            await RunAsync("chown", ["postgres", root], asPostgresUser: false);
        }

        var port = FreePort.Next();
        await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"], asPostgresUser);
        // Settings go into the cluster's own configuration, so a restart (StartAgainAsync) comes back on the same port.
        await File.AppendAllTextAsync(
            Path.Combine(data, "postgresql.conf"),
            $"\nport = {port}\nunix_socket_directories = '{root}'\nlisten_addresses = '127.0.0.1'\nfsync = off\nmax_connections = 300\n");
        await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-l", Path.Combine(root, "log"), "-w", "-t", "60", "start"], asPostgresUser);

        var connection = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Timeout=30";
        return new PostgresServer(connection, data, bin, asPostgresUser);
    }

    private static string? FindBinDirectory()
    {
        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var newest = Directory.GetDirectories(debianRoot)
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator).FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")));
    }

    private static async Task RunAsync(string file, IReadOnlyList<string> arguments, bool asPostgresUser)
    {
        var start = asPostgresUser
            ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", file, .. arguments])
            : new ProcessStartInfo(file, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} failed ({process.ExitCode}): {await error}{await output}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_dataDirectory is null || _binDirectory is null)
        {
            return;
        }

        try
        {
            await RunAsync(Path.Combine(_binDirectory, "pg_ctl"), ["-D", _dataDirectory, "-m", "immediate", "stop"], _asPostgresUser);
            Directory.Delete(Path.GetDirectoryName(_dataDirectory)!, recursive: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            // Best effort: the cluster lives in a temp directory.
        }
    }
}
