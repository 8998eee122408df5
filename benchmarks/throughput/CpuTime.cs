using System.Diagnostics;

namespace Throughput.Benchmarks;

/// <summary>
/// CPU time used so far by this process and by every PostgreSQL process on the machine (Linux `/proc`). Per message it
/// moves far less than messages/s when other work shares the cores, so it is the steadier figure for comparing builds.
/// </summary>
internal readonly record struct CpuTime(TimeSpan Bot, TimeSpan Postgres)
{
    private static readonly double TicksPerSecond = 100; // USER_HZ, 100 on every Linux that .NET runs on

    public static CpuTime Now() => new(Process.GetCurrentProcess().TotalProcessorTime, PostgresTotal());

    public static CpuTime operator -(CpuTime after, CpuTime before) => new(after.Bot - before.Bot, after.Postgres - before.Postgres);

    private static TimeSpan PostgresTotal()
    {
        long ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var open = stat.IndexOf('(');
                var close = stat.LastIndexOf(')');
                if (open < 0 || close < 0 || !stat.AsSpan(open + 1, close - open - 1).StartsWith("postgres"))
                {
                    continue;
                }

                // After ") ": state is field 0, utime field 11, stime field 12.
                var fields = stat[(close + 2)..].Split(' ');
                ticks += long.Parse(fields[11]) + long.Parse(fields[12]);
            }
            catch (IOException)
            {
                // The process ended while we read it.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
