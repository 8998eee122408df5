using System.Runtime.CompilerServices;
using Bot.Core.Commands;
using Bot.Core.Community;
using Bot.Core.Conversations;
using Bot.Core.History;
using Bot.Core.Messaging;
using Bot.Core.People;
using Bot.Core.Persistence;
using Bot.Core.Safety;
using Bot.Core.SafetyPlan;

namespace Bot.Core.Tests.Commands;

/// <summary>Who answers what is the table's: every command has a row, and the order features are registered in changes nothing.</summary>
public sealed class CommandRoutesTests
{
    private static readonly Type[] FeatureTypes = [.. typeof(ICommandFeature).Assembly.GetTypes()
        .Where(t => typeof(ICommandFeature).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
        .OrderBy(t => t.Name, StringComparer.Ordinal)];

    [Fact]
    public void EveryCommandInTheCatalog_HasARow()
    {
        Assert.All(CommandCatalog.English.All, c => Assert.NotNull(CommandRoutes.Commands.Find(CommandInput.From("/" + c.Name, null))));
    }

    [Fact]
    public void EveryFeature_AnswersSomething()
    {
        Assert.NotEmpty(FeatureTypes);
        Assert.All(FeatureTypes, t => Assert.True(
            CommandRoutes.Commands.Any(r => r.Feature == t) || CommandRoutes.Continuing.Any(r => r.Feature == t), t.Name));
    }

    [Fact]
    public void TheOrderFeaturesAreRegisteredIn_ChangesNoRoute()
    {
        var features = FeatureTypes.Select(t => (ICommandFeature)RuntimeHelpers.GetUninitializedObject(t)).ToArray();
        var inOrder = new CommandRouter(features);
        var reversed = new CommandRouter(features.Reverse());
        var shuffled = new CommandRouter(features.OrderBy(f => f.GetType().Name.GetHashCode(StringComparison.Ordinal)));

        foreach (var input in Samples())
        {
            var expected = inOrder.Owner(input)?.GetType();
            Assert.Equal(expected, reversed.Owner(input)?.GetType());
            Assert.Equal(expected, shuffled.Owner(input)?.GetType());
            Assert.Equal(CommandRoutes.Commands.Find(input)?.Feature, expected);
        }

        foreach (var step in Enum.GetValues<CheckInStep>())
        {
            var context = Context(step);
            var answer = CommandInput.From("my answer", null);
            var expected = inOrder.Continuing(context, answer, default)?.GetType();
            Assert.Equal(expected, reversed.Continuing(context, answer, default)?.GetType());
            Assert.Equal(CommandRoutes.Continuing.FirstOrDefault(r => r.Step == step)?.Feature, expected);
        }
    }

    [Fact]
    public void InASharedChannel_TheSpecificFeaturesComeFirst_AndTheCommunityFeatureTakesTheRest()
    {
        Assert.Equal(typeof(SafetyPlanFeature), CommandRoutes.Commands.Find(Group("/safetyplan"))?.Feature);
        Assert.Equal(typeof(MoodChartFeature), CommandRoutes.Commands.Find(Group("/history"))?.Feature);
        Assert.Equal(typeof(CommunityFeature), CommandRoutes.Commands.Find(Group("/help"))?.Feature);
        Assert.Equal(typeof(CommunityFeature), CommandRoutes.Commands.Find(Group("/community setup"))?.Feature);
    }

    [Fact]
    public void FlowCommands_AreTheFlowsOwn_AndATypedWordFollowsTheRow()
    {
        Assert.Null(CommandRoutes.Commands.Find(CommandInput.From("/checkin", null))?.Feature);
        Assert.Equal(Intent.CheckIn, IntentClassifier.Classify("/checkin", null, Conversation.New).Intent);
        Assert.Equal(Intent.Stop, IntentClassifier.Classify("pause", null, Conversation.New).Intent);
        Assert.Equal(Intent.UnknownCommand, IntentClassifier.Classify("/history", null, Conversation.New).Intent);
    }

    [Fact]
    public void AFeatureWithoutARow_IsAWiringMistake_ToldAtOnce()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new CommandRouter([new Unrouted()]));
        Assert.Contains(nameof(Unrouted), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AModelAloneRiskInASafetyPlan_StaysWithThePlan_ButNotInAFollowUp()
    {
        var router = new CommandRouter([.. FeatureTypes.Select(t => (ICommandFeature)RuntimeHelpers.GetUninitializedObject(t))]);
        var answer = CommandInput.From("I stop eating", null);
        var modelAlone = new CrisisAssessment(RiskLevel.Indirect, ModelAlone: true);

        Assert.NotNull(router.Continuing(Context(CheckInStep.SafetyPlanning), answer, modelAlone));
        Assert.Null(router.Continuing(Context(CheckInStep.SafetyPlanning), answer, new CrisisAssessment(RiskLevel.Explicit, ModelAlone: false)));
        Assert.Null(router.Continuing(Context(CheckInStep.SafetyFollowUp), answer, modelAlone));
        Assert.Null(router.Continuing(Context(CheckInStep.SafetyPlanning), CommandInput.From("/help", null), default));
    }

    private static IEnumerable<CommandInput> Samples()
    {
        foreach (var row in CommandRoutes.Commands)
        {
            CommandInput[] inputs = row.Heard switch
            {
                Heard.Command c => [CommandInput.From("/" + c.Name, null), CommandInput.From($"/{c.Name} something", null)],
                Heard.Choice c => [CommandInput.From(null, c.Id)],
                Heard.Choices c => [CommandInput.From(null, c.Prefix + "x")],
                _ => [CommandInput.From("/anything", null), CommandInput.From(null, "any:button")],
            };
            foreach (var input in inputs)
            {
                yield return input;
                yield return input with { Kind = ChatKind.Group };
            }
        }

        yield return CommandInput.From("/nosuchcommand", null);
        yield return CommandInput.From("hello", null);
    }

    private static CommandInput Group(string text) => CommandInput.From(text, null) with { Kind = ChatKind.Group };

    private static TurnContext Context(CheckInStep step) => new(
        new ChatAddress(Platform.Telegram, "1"),
        new PersonProfile { Id = Guid.Parse("0197e0c0-0000-7000-8000-000000000031"), CreatedAt = DateTimeOffset.UnixEpoch },
        Conversation.New with { Step = step },
        ReplyMemory.Empty,
        IsNewPerson: false);

    private sealed class Unrouted : ICommandFeature
    {
        public Task<TurnDecision> PlanAsync(TurnContext context, CommandInput input, DateTimeOffset now, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}
