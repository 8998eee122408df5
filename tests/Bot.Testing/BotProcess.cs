using System.Diagnostics;

namespace Bot.Testing;

/// <summary>Runs the real Bot.Host executable as a child process, the way a person or a pipe would.</summary>
public static class BotProcess
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    public static async Task<Result> RunAsync(
        string hostAssemblyPath,
        IReadOnlyList<string> arguments,
        byte[]? standardInput = null,
        IReadOnlyDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null)
    {
        var start = StartInfo(hostAssemblyPath, arguments);
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start Bot.Host.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (standardInput is not null)
        {
            await process.StandardInput.BaseStream.WriteAsync(standardInput);
        }

        process.StandardInput.Close();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"Bot.Host {string.Join(' ', arguments)} did not finish. stderr: {await error}");
        }

        return new Result(process.ExitCode, await output, await error);
    }

    /// <summary>
    /// Starts Bot.Host with its input left open, waits until its output contains <paramref name="shown"/>, then sends
    /// <paramref name="signal"/> (15 SIGTERM, 2 SIGINT, by the kill command) and waits for it to end.
    /// </summary>
    public static async Task<Result> SignalAfterAsync(string hostAssemblyPath, IReadOnlyList<string> arguments, string shown, int signal, TimeSpan? timeout = null)
    {
        var start = StartInfo(hostAssemblyPath, arguments);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start Bot.Host.");
        var output = new System.Text.StringBuilder();
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
                if (output.ToString().Contains(shown, StringComparison.Ordinal))
                {
                    seen.TrySetResult();
                }
            }
        };
        process.BeginOutputReadLine();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(90));
        try
        {
            await seen.Task.WaitAsync(cancel.Token);
            using (var kill = Process.Start("kill", ["-s", signal == 2 ? "INT" : "TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync(cancel.Token);
            }

            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"Bot.Host {string.Join(' ', arguments)} did not show '{shown}' and end. stdout: {output} stderr: {await error}");
        }

        lock (output)
        {
            return new Result(process.ExitCode, output.ToString(), error.Result);
        }
    }

    private static ProcessStartInfo StartInfo(string hostAssemblyPath, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet", [hostAssemblyPath, .. arguments])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(hostAssemblyPath)!,
        };
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Management__Urls"] = FreePort.ManagementUrl();
        return start;
    }
}
