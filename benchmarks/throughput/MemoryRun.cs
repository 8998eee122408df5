using System.Globalization;
using System.Text.Json.Nodes;
using Bot.Testing.Telegram;

namespace Throughput.Benchmarks;

/// <summary>Host RSS with many people and a large history: seeded by SQL from one real first contact, then traffic.</summary>
internal static class MemoryRun
{
    public static async Task RunAsync(string connectionString, int people, int historyRows)
    {
        await using var api = new FakeTelegramBotApi();
        await using var bot = HostRun.Start(connectionString, api);
        api.Enqueue(Text(1, 1));
        await HostRun.WaitAsync(() => api.CallsTo("sendMessage").Count > 0 || bot.HasExited, "the template person answered");

        // Every table row copied from the template person's real rows, so the seeded data is what the host writes itself.
        string Clone(string table, string extra) =>
            $"INSERT INTO {table} SELECT (jsonb_populate_record(NULL::{table}, to_jsonb(t) || jsonb_build_object('person_id', p.id{extra}))).* " +
            $"FROM (SELECT * FROM {table} LIMIT 1) t, people p WHERE p.id <> t.person_id";
        await HostRun.ScalarAsync(connectionString,
            $"INSERT INTO people (id, created_at, locale) SELECT gen_random_uuid(), now(), 'en' FROM generate_series(1, {people - 1}); SELECT 0");
        await HostRun.ScalarAsync(connectionString, Clone("conversations", "") + "; SELECT 0");
        await HostRun.ScalarAsync(connectionString, Clone("schedules", "") + "; SELECT 0");
        await HostRun.ScalarAsync(connectionString,
            "INSERT INTO platform_identities (person_id, platform, external_user_id, chat_id, reachable, created_at) " +
            "SELECT id, 'Telegram', (600000000 + row_number() over ())::text, (600000000 + row_number() over ())::text, true, now() " +
            "FROM people WHERE id NOT IN (SELECT person_id FROM platform_identities); SELECT 0");
        await HostRun.ScalarAsync(connectionString,
            $"INSERT INTO history_entries (person_id, at, kind, value) SELECT p.id, now() - (g % 365) * interval '1 day', 'Mood', 'tired' " +
            $"FROM generate_series(1, {historyRows}) g JOIN (SELECT id, row_number() over () - 1 AS n FROM people) p ON g % {people} = p.n; SELECT 0");
        await HostRun.ScalarAsync(connectionString, "VACUUM ANALYZE; SELECT 0");
        var seeded = $"{await HostRun.ScalarAsync(connectionString, "SELECT count(*) FROM people")} people, " +
                     $"{await HostRun.ScalarAsync(connectionString, "SELECT count(*) FROM history_entries")} history rows";

        // Traffic from seeded people (they exist already), so the host works with the large tables.
        for (var i = 0; i < 500; i++)
        {
            api.Enqueue(Text(i + 2, 600_000_000 + 1 + (i * 197 % (people - 1))));
        }

        await HostRun.WaitAsync(() => api.ConfirmedOffset > 501 || bot.HasExited, "traffic handled");
        await Task.Delay(TimeSpan.FromSeconds(5));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"memory: {seeded}; host RSS {Rss(bot.Id) / 1024.0:F0} MB (peak {Peak(bot.Id) / 1024.0:F0} MB; anonymous {StatusKb(bot.Id, "RssAnon:") / 1024.0:F0} MB, mapped files {StatusKb(bot.Id, "RssFile:") / 1024.0:F0} MB)"));
        Console.WriteLine(Smaps(bot.Id));
        if (Environment.GetEnvironmentVariable("SMAPS_DUMP") is { Length: > 0 } dump)
        {
            File.Copy($"/proc/{bot.Id}/smaps", dump, overwrite: true);
        }

        await bot.StopAsync();
    }

    /// <summary>
    /// The largest resident parts from /proc/pid/smaps, by file (or by kind for anonymous memory: [heap], or unnamed
    /// mappings by reserved size, since the GC reserves one very large range and glibc's malloc arenas are 64 MB each).
    /// </summary>
    private static string Smaps(int pid)
    {
        var sums = new Dictionary<string, (long Rss, long Anon, int Count)>();
        var key = "";
        foreach (var line in File.ReadLines($"/proc/{pid}/smaps"))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 5 && fields[0].Contains('-', StringComparison.Ordinal) && !line.EndsWith(':'))
            {
                var range = fields[0].Split('-');
                var size = (Convert.ToInt64(range[1], 16) - Convert.ToInt64(range[0], 16)) / (1024 * 1024);
                key = fields.Length >= 6 ? Path.GetFileName(fields[5]) is { Length: > 0 } name ? name : fields[5]
                    : size >= 1024 ? "anon >= 1 GB (GC reserve)" : size >= 60 ? "anon 60 MB - 1 GB" : size >= 8 ? "anon 8-60 MB" : "anon < 8 MB";
                sums.TryAdd(key, (0, 0, 0));
                sums[key] = sums[key] with { Count = sums[key].Count + 1 };
            }
            else if (fields.Length == 3 && fields[0] is "Rss:" or "Anonymous:")
            {
                var kb = long.Parse(fields[1], CultureInfo.InvariantCulture);
                sums[key] = fields[0] == "Rss:" ? sums[key] with { Rss = sums[key].Rss + kb } : sums[key] with { Anon = sums[key].Anon + kb };
            }
        }

        return "smaps (MB resident / of it anonymous, mappings):\n" + string.Join("\n", sums.OrderByDescending(s => s.Value.Rss).Take(14)
            .Select(s => string.Create(CultureInfo.InvariantCulture, $"  {s.Value.Rss / 1024.0,6:F1} / {s.Value.Anon / 1024.0,6:F1}  {s.Value.Count,4}  {s.Key}")));
    }

    private static JsonObject Text(int updateId, long person)
    {
        var update = Updates.Text(updateId, updateId % 2 == 0 ? "/checkin" : "tired");
        var message = update["message"]!.AsObject();
        message["from"] = new JsonObject { ["id"] = person, ["is_bot"] = false, ["first_name"] = "P" };
        message["chat"] = new JsonObject { ["id"] = person, ["first_name"] = "P", ["type"] = "private" };
        return update;
    }

    private static long Rss(int pid) => StatusKb(pid, "VmRSS:");

    private static long Peak(int pid) => StatusKb(pid, "VmHWM:");

    private static long StatusKb(int pid, string field) =>
        long.Parse(
            File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(field, StringComparison.Ordinal))[field.Length..].Trim().Split(' ')[0],
            CultureInfo.InvariantCulture);
}
