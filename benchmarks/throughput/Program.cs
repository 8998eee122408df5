using Throughput.Benchmarks;

// Usage: dotnet run -c Release -- <throughput|latency|memory> <postgres connection string> [options]
//   throughput <cs> <concurrency> <seconds>   messages handled end to end (in -> engine -> commit -> outbox) per second
//   latency <cs> <rate per second> <seconds>  update in -> reply sent to the fake Bot API, through the real host
//   freetext <cs> <rate per second> <seconds> the same with sentences of 8-30 words (every one through the semantic tier)
//   memory <cs> <people> <history rows>       host RSS after seeding people and history and a little traffic
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: <throughput|latency|memory> <connection string> [numbers...]");
    return 2;
}

var connectionString = args[1];
int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], System.Globalization.CultureInfo.InvariantCulture) : fallback;
switch (args[0])
{
    case "throughput":
        await ThroughputRun.RunAsync(connectionString, Arg(2, 16), Arg(3, 30));
        break;
    case "latency":
        await LatencyRun.RunAsync(connectionString, Arg(2, 200), Arg(3, 20));
        break;
    case "freetext":
        await LatencyRun.RunAsync(connectionString, Arg(2, 30), Arg(3, 20), freeText: true);
        break;
    case "memory":
        await MemoryRun.RunAsync(connectionString, Arg(2, 100_000), Arg(3, 1_000_000));
        break;
    default:
        Console.Error.WriteLine($"unknown mode {args[0]}");
        return 2;
}

return 0;
