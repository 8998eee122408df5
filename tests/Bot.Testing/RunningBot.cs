using System.Collections.Concurrent;
using System.Diagnostics;

namespace Bot.Testing;

/// <summary>
/// The real Bot.Host `run` verb as a long-lived child process: every stdout/stderr line is kept for inspection, and the
/// process can be stopped gently (SIGTERM) or killed outright (SIGKILL, as `kill -9` would).
/// </summary>
public sealed class RunningBot : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private RunningBot(Process process, string baseUrl, string managementUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
        ManagementUrl = managementUrl;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The host's public HTTP address (webhooks).</summary>
    public string BaseUrl { get; }

    /// <summary>The host's management address (health, metrics).</summary>
    public string ManagementUrl { get; }

    /// <summary>Every line written to stdout or stderr so far.</summary>
    public IReadOnlyList<string> Lines => [.. _lines];

    public bool HasExited => _process.HasExited;

    public int Id => _process.Id;

    public static RunningBot Start(string hostAssemblyPath, IReadOnlyDictionary<string, string?> environment)
    {
        var baseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        var managementUrl = FreePort.ManagementUrl();
        var start = new ProcessStartInfo("dotnet", [hostAssemblyPath, "run"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(hostAssemblyPath)!,
        };
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Urls"] = baseUrl;
        start.Environment["Management__Urls"] = managementUrl;
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start Bot.Host.");
        return new RunningBot(process, baseUrl, managementUrl);
    }

    /// <summary>SIGKILL: no shutdown code runs, exactly like `kill -9`.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, the way systemd or Docker stop a service; waits for the graceful shutdown to finish.</summary>
    public async Task<int> StopAsync(TimeSpan? timeout = null)
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-s", "TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }

        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill();
            throw new TimeoutException("Bot.Host did not stop after SIGTERM.");
        }

        // Let the asynchronous readers drain the last lines.
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _lines.Enqueue(line);
        }
    }
}
