using System.Text.Json;
using System.Text.Json.Serialization;
using Bot.Core.Conversations;
using Bot.Core.Persistence;
using Bot.Core.Replies;
using Bot.Core.Safety;

namespace Bot.Core.Tests.Conversations;

public class ConversationJsonTests
{
    public static TheoryData<string> Options() => new() { "default", "web" };

    private static JsonSerializerOptions For(string name) => name == "web"
        ? new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } }
        : new JsonSerializerOptions { Converters = { new JsonStringEnumConverter() } };

    [Theory]
    [MemberData(nameof(Options))]
    public void RichConversation_RoundTrips(string options)
    {
        var at = new DateTimeOffset(2026, 11, 23, 19, 0, 0, TimeSpan.FromHours(1));
        var rich = new Conversation
        {
            Step = CheckInStep.SafetyGrounding,
            Attempts = 1,
            StartedAt = at,
            LastInboundAt = at.AddMinutes(3),
            Mood = "heavy",
            Introduced = true,
            CheckInsPaused = true,
            CheckInTime = "08:30",
            Declines = 1,
            Resistance = ResistanceKind.SelfLabel,
            Exercise = GroundingExercise.BreathingNoHold,
            Beat = 2,
            Tried = [GroundingExercise.SoothingTouch, GroundingExercise.BreathingNoHold],
            Skipped = [GroundingExercise.MuscleRelaxation],
            NoBreathHold = true,
            OfferedSteps = ["step:water", "step:window", "step:breaths"],
            LastCheckInAt = at.AddDays(-8),
            CheckInCount = 12,
            SafetyHeldAt = at,
            SafetyThisCheckIn = true,
            HeldFrom = CheckInStep.Grounding,
            HeldFor = RiskLevel.Explicit,
            CountryAsked = true,
            LastChoices = [new("mood:heavy", "heavy"), new("not-today", "not today")],
        };

        var json = JsonSerializer.Serialize(rich, For(options));
        var back = JsonSerializer.Deserialize<Conversation>(json, For(options));

        Assert.Contains("SafetyGrounding", json, StringComparison.Ordinal);
        Assert.Equal(json, JsonSerializer.Serialize(back, For(options)));
        Assert.Equal(rich.Tried, back!.Tried);
        Assert.Equal(rich.HeldFor, back.HeldFor);
        Assert.Equal(rich.LastChoices, back.LastChoices);
    }

    [Theory]
    [MemberData(nameof(Options))]
    public void EmptyJson_ReadsAsANewConversation(string options)
    {
        var back = JsonSerializer.Deserialize<Conversation>("{}", For(options))!;

        Assert.Equal(CheckInStep.Idle, back.Step);
        Assert.Empty(back.Tried);
        Assert.Empty(back.OfferedSteps);
        Assert.Empty(back.LastChoices);
    }

    [Fact]
    public void ReplyMemory_RoundTrips()
    {
        var memory = ReplyMemory.Empty.With(ReplyKey.Opener, 2).With(ReplyKey.CrisisLines, 1);
        var json = JsonSerializer.Serialize(memory, For("web"));
        var back = JsonSerializer.Deserialize<ReplyMemory>(json, For("web"))!;

        Assert.Equal(2, back.Last(ReplyKey.Opener));
        Assert.Equal(1, back.Last(ReplyKey.CrisisLines));
    }

    [Fact]
    public void ReplyMemory_KeepsWhenEachVariantWasHeard_AcrossAStoreRoundTrip()
    {
        var at = new DateTimeOffset(2026, 11, 23, 19, 0, 0, TimeSpan.Zero);
        var memory = ReplyMemory.Empty.With(ReplyKey.Opener, 4, at.AddDays(-2)).With(ReplyKey.Opener, 1, at).With(ReplyKey.AckTired, 7, at);

        var back = JsonSerializer.Deserialize<ReplyMemory>(JsonSerializer.Serialize(memory, For("web")), For("web"))!;

        Assert.Equal(1, back.Last(ReplyKey.Opener));
        Assert.Equal(at.AddDays(-2), back.Heard[ReplyKey.Opener][4]);
        Assert.Equal(at, back.Heard[ReplyKey.AckTired][7]);
    }

    [Fact]
    public void ReplyMemory_StoredBeforeTimesWereKept_StillReads_AndAvoidsTheLastVariant()
    {
        var back = JsonSerializer.Deserialize<ReplyMemory>("""{"lastVariant":{"Opener":2}}""", For("web"))!;

        Assert.Empty(back.Heard);
        Assert.NotEqual(2, back.Choose(ReplyKey.Opener, 8, seed: 2, new DateTimeOffset(2026, 11, 23, 19, 0, 0, TimeSpan.Zero)));
    }
}
