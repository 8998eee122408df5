using System.Text.RegularExpressions;
using Bot.Core.Commands;
using Bot.Core.Conversations;
using Bot.Core.Messaging;
using Bot.Core.People;
using Bot.Core.Persistence;
using Bot.Core.Replies;
using Bot.Core.Tests.Conversations;

namespace Bot.Core.Tests.Commands;

/// <summary>The one command list: what /help shows, what the menus register, what the README documents.</summary>
public sealed partial class CommandCatalogTests
{
    private static readonly string[] ReadmePersonSections = ["## Your check-ins", "## Your history, and control of it", "## When things are hard"];

    [Fact]
    public void EveryCommand_HasANameAndDescription_WithinTheStrictestPlatformLimits()
    {
        var all = CommandCatalog.English.All;

        Assert.Equal(all.Count, all.Select(c => c.Name).Distinct().Count());
        Assert.All(all, c =>
        {
            Assert.Matches("^[a-z0-9_]{1,32}$", c.Name);
            Assert.InRange(c.About.Length, 3, 100);
            Assert.True(c.Option is null || (Regex.IsMatch(c.Option.Name, "^[a-z0-9_]{1,32}$") && c.Option.About.Length is >= 1 and <= 100), c.Name);
        });
    }

    [Fact]
    public void Help_ListsEveryCommand_Grouped_WithinDiscordsMessageLimit_InEveryVariant()
    {
        var planner = new TurnPlanner(ReplyCatalog.English);
        var person = new PersonProfile { Id = Guid.Parse("0197e0c0-0000-7000-8000-000000000011"), CreatedAt = Transcript.Monday };
        var chat = new ChatAddress(Platform.Telegram, "11");
        var seen = new HashSet<string>();
        for (var minute = 0; minute < 60; minute++)
        {
            var context = new TurnContext(chat, person, Conversation.New, ReplyMemory.Empty, false);
            var decision = planner.Plan(context, new Signal.UserSaid(Intent.Help), Transcript.Monday.AddMinutes(minute), DeliveryLane.Reply);
            var text = Assert.Single(decision.Outbox).Text;
            seen.Add(text);
            Assert.InRange(text.Length, 1, 2000);
            Assert.All(CommandCatalog.English.All, c => Assert.Contains($"\n/{c.Name}: ", text, StringComparison.Ordinal));
            Assert.All(CommandCatalog.English.Groups, g => Assert.Contains($"\n\n{g.Title}\n/", text, StringComparison.Ordinal));
        }

        Assert.Equal(ReplyCatalog.English[ReplyKey.Help].Variants.Count, seen.Count);
    }

    [Fact]
    public void Readme_DocumentsExactlyTheCommandsOfTheList()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryFiles.Root(), "README.md"));
        var documented = new HashSet<string>();
        foreach (var section in ReadmePersonSections)
        {
            var start = readme.IndexOf(section, StringComparison.Ordinal);
            Assert.True(start >= 0, section);
            var end = readme.IndexOf("\n## ", start + section.Length, StringComparison.Ordinal);
            foreach (var row in readme[start..(end < 0 ? readme.Length : end)].Split('\n').Where(l => l.StartsWith("| `/", StringComparison.Ordinal)))
            {
                var firstCell = row.Split('|')[1];
                documented.UnionWith(CommandInCell().Matches(firstCell).Select(m => m.Groups[1].Value));
            }
        }

        Assert.Equal(CommandCatalog.English.All.Select(c => c.Name).Order(), documented.Order());
    }

    [GeneratedRegex("`/([a-z0-9_]+)")]
    private static partial Regex CommandInCell();
}
