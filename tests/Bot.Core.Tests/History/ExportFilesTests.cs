using System.Text;
using Bot.Core.History;

namespace Bot.Core.Tests.History;

public sealed class ExportFilesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void MoodCsv_HasOneRowPerMood_InTheirLocalTime()
    {
        var export = new PersonExport(
            Now,
            new ExportedProfile(Guid.NewGuid(), Now, "en", "Asia/Tokyo", null),
            [],
            null,
            null,
            new ExportedSettings(false, false),
            [
                new ExportedEntry(new DateTimeOffset(2026, 11, 23, 20, 0, 0, TimeSpan.Zero), "mood", "okay", null),
                new ExportedEntry(Now, "win", "noted", "a, \"quoted\" win"),
            ],
            []);

        var csv = Encoding.UTF8.GetString(ExportFiles.MoodCsv(export).Content);

        Assert.Equal("at_utc,local_date,local_time,mood,level\n2026-11-23T20:00:00Z,2026-11-24,05:00,okay,3\n", csv);
    }

    [Fact]
    public void Json_KeepsFreeTextReadable()
    {
        var export = new PersonExport(Now, new ExportedProfile(Guid.NewGuid(), Now, "en", null, null), [], null, null,
            new ExportedSettings(true, false), [new ExportedEntry(Now, "win", "noted", "café & tea")], []);

        var json = Encoding.UTF8.GetString(ExportFiles.Json(export).Content);

        Assert.Contains("\"text\": \"café & tea\"", json, StringComparison.Ordinal);
        Assert.Contains("\"weeklyRecap\": true", json, StringComparison.Ordinal);
    }
}
