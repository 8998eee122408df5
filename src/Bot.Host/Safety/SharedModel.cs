using System.Collections.Concurrent;
using Bot.Adapters.Safety;
using Bot.Core.Safety;

namespace Bot.Host.Safety;

/// <summary>One model and one screen per process, however many hosts it builds (the tests build many): about 100 MB each.</summary>
internal static class SharedModel
{
    private static readonly ConcurrentDictionary<string, Lazy<CrisisScreen>> Screens = new();

    public static CrisisScreen Screen(string cacheDirectory) => Screens.GetOrAdd(cacheDirectory, directory => new Lazy<CrisisScreen>(() => LocalCrisisScreen.Create(directory))).Value;
}
