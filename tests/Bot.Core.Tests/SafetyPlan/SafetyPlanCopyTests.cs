using System.Globalization;
using System.Text;
using Bot.Core.SafetyPlan;

namespace Bot.Core.Tests.SafetyPlan;

public sealed class SafetyPlanCopyTests
{
    private static readonly string[] MethodWords =
        ["pill", "tablet", "medication", "rope", "gun", "firearm", "knife", "blade", "razor", "bridge", "roof", "overdose", "poison", "ligature", "jump"];

    [Fact]
    public void Copy_HasNoExclamationMarksNoEmojiAndNeverNamesAMethod()
    {
        foreach (var (key, text) in SafetyPlanCopy.English.Texts.Concat(SafetyPlanCopy.English.Labels))
        {
            Assert.DoesNotContain('!', text);
            Assert.DoesNotContain(text.EnumerateRunes(), r => Rune.GetUnicodeCategory(r) == UnicodeCategory.OtherSymbol);
            foreach (var word in MethodWords)
            {
                Assert.False(text.Contains(word, StringComparison.OrdinalIgnoreCase), $"{key} mentions '{word}'");
            }
        }
    }

    [Fact]
    public void EveryPartHasAQuestionAndATitle()
    {
        foreach (var part in Enum.GetValues<SafetyPlanPart>())
        {
            Assert.False(string.IsNullOrWhiteSpace(SafetyPlanCopy.English.Text("part" + (int)part)));
            Assert.False(string.IsNullOrWhiteSpace(SafetyPlanCopy.English.Text("title" + (int)part)));
            Assert.True(SafetyPlanCopy.English.Labels.ContainsKey("plan:part:" + (int)part));
        }
    }
}
