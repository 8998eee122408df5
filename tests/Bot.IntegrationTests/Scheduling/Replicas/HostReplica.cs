using System.Diagnostics;

namespace Bot.IntegrationTests.Scheduling.Replicas;

/// <summary>One real Bot.Host process running `run`, as a replica would in production; killable like kill -9.</summary>
public sealed class HostReplica : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task<string> _errors;

    private HostReplica(Process process)
    {
        _process = process;
        _errors = process.StandardError.ReadToEndAsync();
        _ = Environment.GetEnvironmentVariable(OutputFileVariable) is { Length: > 0 } file
            ? CopyAsync(process.StandardOutput, file)
            : process.StandardOutput.ReadToEndAsync();
    }

    /// <summary>A file to keep the host's console output in, with timestamps (benchmarks: what the host said during a run).</summary>
    public const string OutputFileVariable = "BENCH_HOST_LOG";

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public static HostReplica Start(string hostAssemblyPath, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet", [hostAssemblyPath, "run"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = Path.GetDirectoryName(hostAssemblyPath)!,
        };
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Urls"] = "http://127.0.0.1:0";
        start.Environment["Management__Urls"] = Bot.Testing.FreePort.ManagementUrl();
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(OutputFileVariable)))
        {
            start.Environment["Logging__Console__TimestampFormat"] = "HH:mm:ss.fff ";
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return new HostReplica(Process.Start(start) ?? throw new InvalidOperationException("Could not start Bot.Host."));
    }

    private static async Task CopyAsync(StreamReader output, string file)
    {
        await using var writer = new StreamWriter(file, append: true) { AutoFlush = true };
        while (await output.ReadLineAsync() is { } line)
        {
            await writer.WriteLineAsync(line);
        }
    }

    /// <summary>SIGKILL: no shutdown hooks, no lease release, like a crashed machine.</summary>
    public void KillHard() => _process.Kill(entireProcessTree: true);

    public async Task<string> ErrorsAsync() => _process.HasExited ? await _errors : "(still running)";

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
