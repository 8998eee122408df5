using Bot.Core.Safety;

namespace Bot.Core.Tests.Safety;

public sealed class PhraseSetTests
{
    [Fact]
    public void AListTooLargeForOneAutomaton_IsSplit_AndStillMatchesAnyOfItsPhrases()
    {
        var set = PhrasePatterns.Compile(CrisisLexicon.Indirect);

        Assert.True(set.Parts > 1);
        Assert.True(set.IsMatch(TextNormalizer.Normalize("i feel like a burden to everyone")) ||
                    set.IsMatch(TextNormalizer.Normalize("everyone would be better off without me")));
    }

    [Fact]
    public void ASmallList_IsOneExpression_AndReplacesEveryPhrase()
    {
        var set = PhrasePatterns.Compile(["dead tired", "killing it"]);

        Assert.Equal(1, set.Parts);
        var text = TextNormalizer.Normalize("I am dead tired and killing it at work");
        Assert.True(set.IsMatch(text));

        var replaced = set.Replace(text, " ");

        Assert.False(set.IsMatch(replaced));
        Assert.Contains("work", replaced, StringComparison.Ordinal);
    }
}
