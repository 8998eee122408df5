using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Bot.Core.Messaging;

namespace Bot.Core.History;

/// <summary>Pure: an export to the files a person receives: all of it as JSON, and the moods as CSV.</summary>
public static class ExportFiles
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static OutboundAttachment Json(PersonExport export) =>
        new($"compassionbot-export-{export.ExportedAt:yyyy-MM-dd}.json", "application/json", JsonSerializer.SerializeToUtf8Bytes(export, JsonOptions));

    public static OutboundAttachment MoodCsv(PersonExport export)
    {
        var zone = RecapTiming.ZoneOf(export.Person.TimeZone);
        var csv = new StringBuilder("at_utc,local_date,local_time,mood,level\n");
        foreach (var entry in export.History.Where(e => e.Kind == HistoryKinds.Mood).OrderBy(e => e.At))
        {
            var local = TimeZoneInfo.ConvertTime(entry.At, zone);
            csv.Append(entry.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)).Append(',')
                .Append(local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',')
                .Append(local.ToString("HH:mm", CultureInfo.InvariantCulture)).Append(',')
                .Append(Cell(entry.Value)).Append(',')
                .Append(MoodScale.LevelOf(entry.Value)?.ToString(CultureInfo.InvariantCulture) ?? "")
                .Append('\n');
        }

        return new OutboundAttachment($"compassionbot-moods-{export.ExportedAt:yyyy-MM-dd}.csv", "text/csv", Encoding.UTF8.GetBytes(csv.ToString()));
    }

    private static string Cell(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
