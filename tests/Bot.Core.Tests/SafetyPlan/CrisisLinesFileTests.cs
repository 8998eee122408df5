using System.Reflection;
using System.Text.Json;
using Bot.Core.People;
using Bot.Core.Safety;
using Bot.Core.SafetyPlan;

namespace Bot.Core.Tests.SafetyPlan;

public sealed class CrisisLinesFileTests
{
    private static JsonElement File()
    {
        using var stream = typeof(CrisisLineDirectory).Assembly.GetManifestResourceStream("Bot.Core.Content.crisis-lines.json")!;
        return JsonDocument.Parse(stream).RootElement.Clone();
    }

    [Fact]
    public void AtLeast25Countries_EachWithASourceAndAVerifiedDate()
    {
        var countries = File().GetProperty("countries").EnumerateObject().ToList();

        Assert.True(countries.Count >= 25, $"{countries.Count} countries");
        Assert.True(CrisisLineDirectory.Default.Countries.Count >= 25);
        Assert.All(countries, country =>
        {
            Assert.False(string.IsNullOrWhiteSpace(country.Value.GetProperty("source").GetString()), country.Name);
            Assert.Matches(@"^\d{4}-\d{2}(-\d{2})?$", country.Value.GetProperty("verifiedOn").GetString());
            foreach (var line in country.Value.GetProperty("lines").EnumerateArray())
            {
                Assert.False(string.IsNullOrWhiteSpace(line.GetProperty("source").GetString()), country.Name);
            }
        });
    }

    [Fact]
    public void NoCountry_GetsTheInternationalDirectory()
    {
        var person = new PersonProfile { Id = Guid.NewGuid(), CreatedAt = DateTimeOffset.UnixEpoch, Country = null };

        var lines = SafetyChat.Copy.ProfessionalLines(person);

        Assert.Contains(lines, l => l.Contains("findahelpline.com", StringComparison.Ordinal));
        Assert.Contains("findahelpline.com", SafetyChat.Copy.Text("followUpDeclined", person), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CrisisReply_WithoutACountry_ShowsTheDirectory_AndWithOne_OnlyOnePrimaryLine()
    {
        var unknown = new SafetyChat(country: null);
        await unknown.User("I want to kill myself");
        Assert.Contains("findahelpline.com", unknown.SaidText, StringComparison.Ordinal);

        var us = new SafetyChat(country: "US", timeZone: "America/New_York");
        await us.User("I want to kill myself");
        Assert.Contains("988", us.SaidText, StringComparison.Ordinal);
        Assert.DoesNotContain("741741", us.SaidText, StringComparison.Ordinal);
        Assert.Contains("911", us.SaidText, StringComparison.Ordinal);
        Assert.Contains("findahelpline.com", us.SaidText, StringComparison.Ordinal);
    }

    [Fact]
    public void EmergencyOnlyCountries_ShowTheEmergencyNumberAndTheDirectory()
    {
        var person = new PersonProfile { Id = Guid.NewGuid(), CreatedAt = DateTimeOffset.UnixEpoch, Country = "SE" };

        var lines = SafetyChat.Copy.ProfessionalLines(person);

        Assert.Equal(2, lines.Count);
        Assert.Contains(lines, l => l.Contains("112", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("findahelpline.com", StringComparison.Ordinal));
    }
}
