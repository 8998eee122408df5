using System.Reflection;
using System.Text.RegularExpressions;
using Bot.Adapters.Persistence;
using Bot.Host;

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

    private static HashSet<string> BoundKeys()
    {
        var keys = new HashSet<string>(StringComparer.Ordinal) { "ConnectionStrings:Postgres" };
        var optionTypes = new[] { typeof(StorageOptions).Assembly, typeof(BotServices).Assembly }
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
            else if (inEnvironment && line.Trim().Length > 0)
            {
                inEnvironment = false;
            }
        }

        return keys;
    }

    private static string ComposePath()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "docker-compose.yml");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("docker-compose.yml not found above the test directory.");
    }

    [GeneratedRegex(@"^  ([a-z][a-z0-9_-]*):\s*$")]
    private static partial Regex ServiceHeader();

    [GeneratedRegex(@"^      ([A-Za-z][A-Za-z0-9_]*):")]
    private static partial Regex EnvironmentEntry();
}
