using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Bot.Adapters.Discord;
using Bot.Core.Messaging;
using Bot.Core.Replies;

namespace Bot.Adapters.Tests.Discord;

public sealed partial class DiscordMessageRendererTests
{
    private const string Sam = "200000000000000002";

    [Fact]
    public void Render_OpenerWithChoices_MatchesTheRecordedPayload()
    {
        var message = new OutboundMessage(
            DiscordChat.Person(Sam),
            "Checking in, gently. What's the weather inside right now?",
            [
                new ReplyChoice("mood:heavy", "heavy"), new ReplyChoice("mood:tired", "tired"), new ReplyChoice("mood:okay", "okay"),
                new ReplyChoice("mood:steady", "steady"), new ReplyChoice("mood:bright", "bright"), new ReplyChoice("not-today", "not today"),
            ]);

        var rendered = DiscordMessageRenderer.Render(message, "outbox-42");

        var expected = JsonNode.Parse(DiscordFixtures.Text("rendered_opener"));
        Assert.True(JsonNode.DeepEquals(expected, rendered), rendered.ToJsonString());
    }

    [Fact]
    public void Render_EveryChoiceInTheCopy_FitsDiscordsComponentLimitsAndIsBoundToThePerson()
    {
        foreach (var (key, copy) in ReplyCatalog.English.All)
        {
            var rendered = DiscordMessageRenderer.Render(new OutboundMessage(DiscordChat.Person(Sam), copy.Variants[0], copy.Choices), $"outbox-{key}");

            var rows = rendered["components"]?.AsArray() ?? [];
            Assert.True(rows.Count <= 5, $"{key} renders {rows.Count} rows");
            foreach (var row in rows)
            {
                var buttons = row!["components"]!.AsArray();
                Assert.InRange(buttons.Count, 1, 5);
                foreach (var button in buttons)
                {
                    var customId = button!["custom_id"]!.GetValue<string>();
                    Assert.InRange(customId.Length, 1, DiscordCustomId.MaxLength);
                    Assert.InRange(button["label"]!.GetValue<string>().Length, 1, 80);
                    Assert.NotNull(DiscordCustomId.ChoiceFor(customId, Sam));
                    Assert.Null(DiscordCustomId.ChoiceFor(customId, "300000000000000003"));
                }
            }
        }
    }

    [Fact]
    public void Render_SameOutboxRow_GivesTheSameShortNonce()
    {
        var message = OutboundMessage.Plain(DiscordChat.Person(Sam), "hello");

        var first = DiscordMessageRenderer.Render(message, "3f2b9c1e-7d44-4b4f-9a53-0c3c8d1f2a77")["nonce"]!.GetValue<string>();
        var again = DiscordMessageRenderer.Render(message, "3f2b9c1e-7d44-4b4f-9a53-0c3c8d1f2a77")["nonce"]!.GetValue<string>();
        var other = DiscordMessageRenderer.Render(message, "another-row")["nonce"]!.GetValue<string>();

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.True(first.Length <= DiscordMessageRenderer.MaxNonceLength);
    }

    [Fact]
    public void Render_LongText_IsCutToDiscordsLimit()
    {
        var rendered = DiscordMessageRenderer.Render(OutboundMessage.Plain(DiscordChat.Person(Sam), new string('a', 2500)), "k");

        Assert.Equal(DiscordMessageRenderer.MaxContentLength, rendered["content"]!.GetValue<string>().Length);
    }

    [Fact]
    public void Render_ToACommunityChannel_CarriesNoPersonalButtonsAndPingsNobody()
    {
        var rendered = DiscordMessageRenderer.Render(
            new OutboundMessage(DiscordChat.Channel("500000000000000009"), "Set up.", [new ReplyChoice("mood:okay", "okay")]), "k");

        Assert.Null(rendered["components"]);
        Assert.Empty(rendered["allowed_mentions"]!["parse"]!.AsArray());
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(4, false)]
    [InlineData(5, true)]
    [InlineData(12, true)]
    public void RenderCommunityPost_ShowsTheCountOnlyFromFiveAnswers(int answered, bool countShown)
    {
        var rendered = DiscordMessageRenderer.RenderCommunityPost(DiscordCopy.English, answered);

        var content = rendered["content"]!.GetValue<string>();
        Assert.Equal(countShown, content.Contains($"{answered} people", StringComparison.Ordinal));
        var buttons = rendered["components"]![0]!["components"]!.AsArray().Select(b => b!["custom_id"]!.GetValue<string>());
        Assert.Equal([DiscordCustomId.CommunityCheckIn, DiscordCustomId.CommunityOkay], buttons);
    }

    [Fact]
    public void Commands_AreValidForDiscordAndCommunitySetupNeedsManageServer()
    {
        var commands = DiscordCommands.Build(DiscordCopy.English);

        var names = commands.Select(c => c!["name"]!.GetValue<string>()).ToList();
        Assert.Equal([.. Bot.Core.Commands.CommandCatalog.English.All.Select(c => c.Name).Where(n => n != "start"), "community"], names);
        foreach (var command in commands)
        {
            Assert.Matches(CommandName(), command!["name"]!.GetValue<string>());
            Assert.InRange(command["description"]!.GetValue<string>().Length, 1, 100);
        }

        var community = commands.Single(c => c!["name"]!.GetValue<string>() == "community")!;
        Assert.Equal("32", community["default_member_permissions"]!.GetValue<string>());
        Assert.Equal("[0]", community["contexts"]!.ToJsonString());
        var subcommands = community["options"]!.AsArray().Select(o => o!["name"]!.GetValue<string>());
        Assert.Equal(["setup", "stop"], subcommands);
    }

    [Fact]
    public void Copy_HasAnAnswerForEveryInteractionAnswerThatSaysSomething()
    {
        foreach (var answer in Enum.GetValues<DiscordAnswer>().Where(a => a != DiscordAnswer.RemoveButtons))
        {
            Assert.False(string.IsNullOrWhiteSpace(DiscordCopy.English.Answer(answer)));
        }
    }

    [GeneratedRegex(@"^[-_\p{L}\p{N}]{1,32}$")]
    private static partial Regex CommandName();
}
