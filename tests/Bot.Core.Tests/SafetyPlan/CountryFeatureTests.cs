using Bot.Core.Commands;
using Bot.Core.Conversations;
using Bot.Core.Messaging;
using Bot.Core.People;
using Bot.Core.Persistence;
using Bot.Core.SafetyPlan;

namespace Bot.Core.Tests.SafetyPlan;

public sealed class CountryFeatureTests
{
    private static readonly CountryFeature Feature = new(SafetyPlanCopy.English);

    private static TurnContext Context(string? country) => new(
        new ChatAddress(Platform.Telegram, "42"),
        new PersonProfile { Id = Guid.NewGuid(), CreatedAt = DateTimeOffset.UnixEpoch, Country = country },
        new Conversation { Introduced = true, Step = CheckInStep.Idle },
        ReplyMemory.Empty,
        IsNewPerson: false);

    [Theory]
    [InlineData("/country Germany", "DE")]
    [InlineData("/country nz", "NZ")]
    [InlineData("/country I'm in the Netherlands", "NL")]
    public async Task CountryCommand_SetsTheCountry(string text, string code)
    {
        var input = CommandInput.From(text, null);
        Assert.Equal(typeof(CountryFeature), CommandRoutes.Commands.Find(input)?.Feature);

        var decision = await Feature.PlanAsync(Context("US"), input, DateTimeOffset.UnixEpoch, CancellationToken.None);

        Assert.Equal(code, decision.Person.Country);
        Assert.Equal(CheckInStep.Idle, decision.Conversation.Step);
    }

    [Fact]
    public async Task NoArgument_AsksWithButtons_AndAButtonSetsIt()
    {
        var ask = await Feature.PlanAsync(Context(null), CommandInput.From("/country", null), DateTimeOffset.UnixEpoch, CancellationToken.None);
        Assert.Contains("setcountry:GB", ask.Outbox.Single().Choices.Select(c => c.Id));
        Assert.Null(ask.Person.Country);

        var press = CommandInput.From(null, "setcountry:GB");
        Assert.Equal(typeof(CountryFeature), CommandRoutes.Commands.Find(press)?.Feature);
        var set = await Feature.PlanAsync(Context(null), press, DateTimeOffset.UnixEpoch, CancellationToken.None);
        Assert.Equal("GB", set.Person.Country);
    }

    [Fact]
    public async Task UnknownCountry_PointsToTheInternationalDirectory_AndKeepsTheOldOne()
    {
        var decision = await Feature.PlanAsync(Context("FR"), CommandInput.From("/country Atlantis", null), DateTimeOffset.UnixEpoch, CancellationToken.None);

        Assert.Equal("FR", decision.Person.Country);
        Assert.Contains("findahelpline.com", decision.Outbox.Single().Text, StringComparison.Ordinal);
    }
}
