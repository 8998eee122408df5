using System.Reflection;
using System.Text.RegularExpressions;
using Bot.Adapters.Persistence;
using Bot.Host;
using Microsoft.Extensions.Configuration;

namespace Bot.IntegrationTests.Host;

/// <summary>No Docker engine runs in CI, so the compose file is checked by reading it against the options the host binds.</summary>
public sealed partial class ComposeFileTests
{
    [Fact]
    public void BotEnvironmentKeys_AllMatchOptionsTheHostBinds()
    {
        var keys = BotEnvironmentKeys();
        var bound = BoundKeys();

        Assert.NotEmpty(keys);
        Assert.All(keys, key => Assert.True(bound.Contains(key), $"docker-compose.yml sets {key}, which no options class binds."));
        Assert.Contains("ConnectionStrings:Postgres", keys);
        Assert.Contains("Storage:EncryptionKeys", keys);
    }

    [Fact]
    public void Postgres_HasAHealthcheck_AndANamedVolume_AndTheBotWaitsForIt()
    {
        var compose = File.ReadAllText(ComposePath());

        Assert.Matches(@"healthcheck:\s*\n\s*test:.*pg_isready", compose);
        Assert.Matches(@"pgdata:/var/lib/postgresql/data", compose);
        Assert.Matches(@"condition: service_healthy", compose);
        Assert.DoesNotMatch(@"BotToken:\s*""?\d+:", compose);
    }

    [Fact]
    public void Bot_HasAReadinessHealthcheck_OnTheManagementPort_AndItsDataOnANamedVolume_AndPostgresIsNotPublished()
    {
        var compose = File.ReadAllText(RepositoryFile("docker-compose.yml"));
        var postgres = Service(compose, "postgres");
        var bot = Service(compose, "bot");
        var dockerfile = File.ReadAllText(RepositoryFile("Dockerfile"));
        var managementPort = Regex.Match(dockerfile, @"Management__Urls=http://127\.0\.0\.1:(\d+)").Groups[1].Value;

        Assert.DoesNotContain("ports:", postgres, StringComparison.Ordinal);
        Assert.Matches(@"healthcheck:\s*\n\s*test:.*/dev/tcp/127\.0\.0\.1/" + managementPort + @" .*GET /healthz/ready .*' 200 '", bot);
        Assert.Matches(@"volumes:\s*\n\s*- botdata:/data", bot);
        Assert.Matches(@"(?m)^volumes:\s*\n(\s+\w+:\s*\n)*\s+botdata:", compose);
        Assert.Contains("8080:8080", bot, StringComparison.Ordinal);
        Assert.DoesNotContain(":" + managementPort, bot.Split("healthcheck:")[0], StringComparison.Ordinal);
    }

    [Fact]
    public void PostgresPassword_TravelsApartFromTheConnectionString_SoASemicolonIsSafe()
    {
        var bot = Service(File.ReadAllText(RepositoryFile("docker-compose.yml")), "bot");
        const string password = "pa;ss=wo'rd\"x; Host=evil";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = "Host=postgres;Database=compassionbot;Username=compassionbot",
            ["Storage:PostgresPassword"] = password,
            ["Storage:EncryptionKeys"] = "k1:" + Convert.ToBase64String(new byte[32]),
        }).Build();

        var settings = StoreSettings.From(configuration);
        var parsed = new Npgsql.NpgsqlConnectionStringBuilder(settings.ConnectionString);

        Assert.Matches(@"ConnectionStrings__Postgres: ""[^""$]*""", bot);
        Assert.DoesNotContain("Password=", bot, StringComparison.OrdinalIgnoreCase);
        Assert.Matches(@"Storage__PostgresPassword: \$\{POSTGRES_PASSWORD", bot);
        Assert.Equal(password, parsed.Password);
        Assert.Equal("postgres", parsed.Host);
        Assert.Equal("compassionbot", parsed.Database);
    }

    [Fact]
    public void Dockerfile_OwnsTheDataVolume_ChecksReadiness_AndTheContextLeavesBuildOutputOut()
    {
        var dockerfile = File.ReadAllLines(RepositoryFile("Dockerfile"));
        var ignore = File.ReadAllLines(RepositoryFile(".dockerignore")).Select(l => l.Trim()).ToHashSet();
        int Line(string pattern) => Array.FindIndex(dockerfile, l => Regex.IsMatch(l, pattern));

        var owned = Line(@"^RUN mkdir -p /data && chown app:app /data$");
        Assert.True(owned > Line(@"^FROM .*aspnet.* AS runtime$"), "the runtime stage creates /data");
        Assert.True(owned < Line(@"^VOLUME /data$") && owned < Line(@"^USER app$"), "/data is created and owned before VOLUME and USER");
        Assert.True(Line(@"^HEALTHCHECK ") > 0 && dockerfile.Skip(Line(@"^HEALTHCHECK ")).Take(2).Any(l => l.Contains("/healthz/ready", StringComparison.Ordinal)));
        Assert.Contains("**/bin/", ignore);
        Assert.Contains("**/obj/", ignore);
        Assert.Contains(".env", ignore);
        Assert.DoesNotContain(ignore, l => l is "src/" or "global.json" or "Directory.Packages.props" or ".editorconfig");
    }

    /// <summary>One service's block of the compose file: from its header to the next service or top-level key.</summary>
    private static string Service(string compose, string name)
    {
        var match = Regex.Match(compose, $@"(?ms)^  {Regex.Escape(name)}:\s*\n(.*?)(?=^  [a-z][a-z0-9_-]*:\s*$|^\S)");
        Assert.True(match.Success, $"no service {name}");
        return match.Groups[1].Value;
    }

    private static HashSet<string> BoundKeys()
    {
        var keys = new HashSet<string>(StringComparer.Ordinal) { "ConnectionStrings:Postgres" };
        // The host and every project of ours it references: each adapter binds its own options.
        var host = typeof(BotServices).Assembly;
        var optionTypes = host.GetReferencedAssemblies()
            .Where(name => name.Name?.StartsWith("Bot.", StringComparison.Ordinal) == true)
            .Select(Assembly.Load)
            .Append(host)
            .SelectMany(a => a.GetTypes())
            .Where(t => t.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true });
        foreach (var type in optionTypes)
        {
            var section = (string)type.GetField("SectionName")!.GetValue(null)!;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
            {
                keys.Add($"{section}:{property.Name}");
            }
        }

        return keys;
    }

    private static List<string> BotEnvironmentKeys()
    {
        var lines = File.ReadAllLines(ComposePath());
        var keys = new List<string>();
        var inBot = false;
        var inEnvironment = false;
        foreach (var line in lines)
        {
            if (ServiceHeader().Match(line) is { Success: true } service)
            {
                inBot = service.Groups[1].Value == "bot";
                inEnvironment = false;
                continue;
            }

            if (inBot && line.Trim() == "environment:")
            {
                inEnvironment = true;
                continue;
            }

            if (inEnvironment && EnvironmentEntry().Match(line) is { Success: true } entry)
            {
                keys.Add(entry.Groups[1].Value.Replace("__", ":", StringComparison.Ordinal));
            }
            else if (inEnvironment && line.Trim().Length > 0 && !line.TrimStart().StartsWith('#'))
            {
                inEnvironment = false;
            }
        }

        return keys;
    }

    private static string ComposePath() => RepositoryFile("docker-compose.yml");

    private static string RepositoryFile(string name)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{name} not found above the test directory.");
    }

    [GeneratedRegex(@"^  ([a-z][a-z0-9_-]*):\s*$")]
    private static partial Regex ServiceHeader();

    [GeneratedRegex(@"^      ([A-Za-z][A-Za-z0-9_]*):")]
    private static partial Regex EnvironmentEntry();
}
