using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Bot.Adapters.Persistence;

/// <summary>The SQLite column form of an instant, for the few raw SQL statements that bypass EF's converters.</summary>
internal static class SqliteInstants
{
    private static readonly DateTimeOffsetToBinaryConverter Converter = new();

    public static object ToColumn(DateTimeOffset instant) => Converter.ConvertToProvider(instant)!;
}
