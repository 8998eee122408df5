using System.Text.RegularExpressions;
using Bot.Adapters.Discord;
using Bot.Core.Messaging;
using Bot.Core.Replies;
using Discord;

namespace Bot.Adapters.Tests.Discord;

public sealed partial class DiscordMessageRendererTests
{
    private const string Sam = "200000000000000002";

    [Fact]
    public void Render_OpenerWithChoices_FiveButtonsARowBoundToThePerson()
    {
        var rendered = DiscordMessageRenderer.Render(Opener());

        Assert.Equal("Checking in, gently. What's the weather inside right now?", rendered.Content);
        var rows = Rows(rendered);
        Assert.Equal([5, 1], rows.Select(r => r.Count));
        Assert.Equal("v1:CtP8UZ-s:mood:heavy", rows[0][0].CustomId);
        Assert.Equal("not today", rows[1][0].Label);
        Assert.All(rows.SelectMany(r => r), b => Assert.Equal(ButtonStyle.Secondary, b.Style));
    }

    internal static OutboundMessage Opener() => new(
        DiscordChat.Person(Sam),
        "Checking in, gently. What's the weather inside right now?",
        [
            new ReplyChoice("mood:heavy", "heavy"), new ReplyChoice("mood:tired", "tired"), new ReplyChoice("mood:okay", "okay"),
            new ReplyChoice("mood:steady", "steady"), new ReplyChoice("mood:bright", "bright"), new ReplyChoice("not-today", "not today"),
        ]);

    private static List<List<ButtonComponent>> Rows(DiscordRendered rendered) =>
        rendered.Components is null ? [] : [.. rendered.Components.Components.Cast<ActionRowComponent>().Select(r => r.Components.Cast<ButtonComponent>().ToList())];

    [Fact]
    public void Render_EveryChoiceInTheCopy_FitsDiscordsComponentLimitsAndIsBoundToThePerson()
    {
        foreach (var (key, copy) in ReplyCatalog.English.All)
        {
            var rendered = DiscordMessageRenderer.Render(new OutboundMessage(DiscordChat.Person(Sam), copy.Variants[0], copy.Choices));

            var rows = Rows(rendered);
            Assert.True(rows.Count <= 5, $"{key} renders {rows.Count} rows");
            foreach (var buttons in rows)
            {
                Assert.InRange(buttons.Count, 1, 5);
                foreach (var button in buttons)
                {
                    var customId = button.CustomId;
                    Assert.InRange(customId.Length, 1, DiscordCustomId.MaxLength);
                    Assert.InRange(button.Label.Length, 1, 80);
                    Assert.NotNull(DiscordCustomId.ChoiceFor(customId, Sam));
                    Assert.Null(DiscordCustomId.ChoiceFor(customId, "300000000000000003"));
                }
            }
        }
    }

    [Fact]
    public void Render_SameOutboxRow_GivesTheSameShortNonce()
    {
        var first = DiscordMessageRenderer.Nonce("3f2b9c1e-7d44-4b4f-9a53-0c3c8d1f2a77");
        var again = DiscordMessageRenderer.Nonce("3f2b9c1e-7d44-4b4f-9a53-0c3c8d1f2a77");
        var other = DiscordMessageRenderer.Nonce("another-row");

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.True(first.Length <= DiscordMessageRenderer.MaxNonceLength);
    }

    [Fact]
    public void Render_LongText_IsCutToDiscordsLimit()
    {
        var rendered = DiscordMessageRenderer.Render(OutboundMessage.Plain(DiscordChat.Person(Sam), new string('a', 2500)));

        Assert.Equal(DiscordMessageRenderer.MaxContentLength, rendered.Content.Length);
    }

    [Fact]
    public void Render_ToACommunityChannel_CarriesNoPersonalButtonsAndPingsNobody()
    {
        var rendered = DiscordMessageRenderer.Render(
            new OutboundMessage(DiscordChat.Channel("500000000000000009"), "Set up.", [new ReplyChoice("mood:okay", "okay")]));

        Assert.Null(rendered.Components);
        Assert.Equal(AllowedMentionTypes.None, DiscordMessageRenderer.NoMentions.AllowedTypes);
        Assert.False(DiscordMessageRenderer.NoMentions.MentionRepliedUser ?? false);
        Assert.Empty(DiscordMessageRenderer.NoMentions.UserIds ?? []);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(4, false)]
    [InlineData(5, true)]
    [InlineData(12, true)]
    public void RenderCommunityPost_ShowsTheCountOnlyFromFiveAnswers(int answered, bool countShown)
    {
        var rendered = DiscordMessageRenderer.RenderCommunityPost(DiscordCopy.English, answered);

        Assert.Equal(countShown, rendered.Content.Contains($"{answered} people", StringComparison.Ordinal));
        var buttons = Rows(rendered).Single().Select(b => b.CustomId);
        Assert.Equal([DiscordCustomId.CommunityCheckIn, DiscordCustomId.CommunityOkay], buttons);
    }

    [Fact]
    public void Commands_AreValidForDiscordAndCommunitySetupNeedsManageServer()
    {
        var commands = DiscordCommands.Build(DiscordCopy.English);

        var slash = commands.Cast<SlashCommandProperties>().ToList();
        var names = slash.Select(c => c.Name.Value).ToList();
        Assert.Equal([.. Bot.Core.Commands.CommandCatalog.English.All.Select(c => c.Name).Where(n => n != "start"), "community"], names);
        foreach (var command in slash)
        {
            Assert.Matches(CommandName(), command.Name.Value);
            Assert.InRange(command.Description.Value.Length, 1, 100);
        }

        var community = slash.Single(c => c.Name.Value == "community");
        Assert.Equal(GuildPermission.ManageGuild, community.DefaultMemberPermissions.Value);
        Assert.Equal([InteractionContextType.Guild], community.ContextTypes.Value);
        var subcommands = community.Options.Value.Select(o => o.Name);
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
