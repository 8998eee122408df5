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
        var start = new ProcessStartInfo("dotnet", [hostAssemblyPath, .. arguments])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(hostAssemblyPath)!,
        };
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Management__Urls"] = FreePort.ManagementUrl();
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
}
