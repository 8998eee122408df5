using System.Text.RegularExpressions;
using Bot.Core.History;

namespace Bot.Core.Tests.History;

public sealed class HistoryCopyTests
{
    // content-guide §6: never tally, never shame, no pressure words, no therapy words.
    private static readonly string[] Banned =
    [
        "streak", "missed", "miss ", "failed", "fail", "behind", "should", "must", "have to", "need to", "just ",
        "lazy", "productive", "progress", "goal", "therapy", "session", "!", "💪", "🔥", "🚀", "compared", "than last",
    ];

    [Fact]
    public void EveryKey_HasCopy()
    {
        var copy = HistoryCopy.English;

        Assert.All(HistoryText.AllTexts, key => Assert.True(copy.Has(key), $"missing text {key}"));
        Assert.All(HistoryText.AllChoices, key => Assert.True(copy.HasChoice(key), $"missing choice {key}"));
    }

    [Fact]
    public void Copy_KeepsTheToneRules()
    {
        var copy = HistoryCopy.English;
        var all = HistoryText.AllTexts.Select(copy.Text).Concat(HistoryText.AllChoices.Select(copy.Choice));

        foreach (var text in all)
        {
            Assert.DoesNotContain(Banned, word => text.Contains(word, StringComparison.OrdinalIgnoreCase));
            Assert.True(text.Length <= 220, $"chat-sized: {text}");
            Assert.True(Regex.Count(text, @"\p{Cs}") <= 2, $"at most one emoji: {text}");
        }
    }

    [Fact]
    public void Format_FillsPlaceholders()
    {
        var text = HistoryCopy.English.Format(HistoryText.LinkIssued, ("code", "ABCD2345"));

        Assert.Contains("ABCD2345", text, StringComparison.Ordinal);
        Assert.DoesNotContain("{code}", text, StringComparison.Ordinal);
    }
}
