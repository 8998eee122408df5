using System.Globalization;

namespace Bot.Testing.Discord;

/// <summary>Snowflake ids minted from the current time, as Discord's are (Discord.Net reads creation times from them).</summary>
public static class FakeSnowflake
{
    private static long _increment;

    public static string Now() => At(DateTimeOffset.UtcNow);

    public static string At(DateTimeOffset time) =>
        ((((ulong)time.ToUnixTimeMilliseconds() - 1420070400000UL) << 22) + (ulong)(Interlocked.Increment(ref _increment) % 4096))
            .ToString(CultureInfo.InvariantCulture);
}
