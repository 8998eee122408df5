using Bot.Core.Community;

namespace Bot.Core.Tests.Community;

public sealed class CommunityCommandParserTests
{
    [Theory]
    [InlineData("setup 500000000000000009 09:00 Europe/Berlin", "09:00", "Europe/Berlin")]
    [InlineData("setup <#500000000000000009> 18:30 America/Chicago", "18:30", "America/Chicago")]
    [InlineData("setup 7 pm new york", "19:00", "America/New_York")]
    [InlineData("SETUP 500000000000000009 7:15am Tokyo", "07:15", "Asia/Tokyo")]
    [InlineData("setup 500000000000000009 evening UTC", "19:00", "UTC")]
    public void Parse_Setup_ReadsTimeAndZone(string arguments, string time, string zone)
    {
        var command = CommunityCommandParser.Parse(arguments);

        Assert.Equal(CommunityCommandKind.Setup, command.Kind);
        Assert.Equal(TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture), command.LocalTime);
        Assert.Equal(zone, command.TimeZone);
    }

    [Theory]
    [InlineData("stop", CommunityCommandKind.Stop)]
    [InlineData("stop 500000000000000009", CommunityCommandKind.Stop)]
    [InlineData("", CommunityCommandKind.Unknown)]
    [InlineData("please", CommunityCommandKind.Unknown)]
    [InlineData("setup", CommunityCommandKind.MissingTimeOrZone)]
    [InlineData("setup 500000000000000009 09:00", CommunityCommandKind.MissingTimeOrZone)]
    [InlineData("setup 500000000000000009 25:00 Europe/Berlin", CommunityCommandKind.BadTime)]
    [InlineData("setup 500000000000000009 soonish Europe/Berlin", CommunityCommandKind.BadTime)]
    [InlineData("setup 500000000000000009 09:00 Mars/Olympus_Mons", CommunityCommandKind.BadZone)]
    public void Parse_OtherInput_SaysWhatIsWrong(string arguments, CommunityCommandKind expected)
    {
        Assert.Equal(expected, CommunityCommandParser.Parse(arguments).Kind);
    }
}
