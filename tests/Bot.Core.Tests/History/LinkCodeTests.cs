using Bot.Core.History;

namespace Bot.Core.Tests.History;

public sealed class LinkCodeTests
{
    [Fact]
    public void New_IsEightUnambiguousCharacters_AndCodesDiffer()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => LinkCode.New()).ToArray();

        Assert.All(codes, c => Assert.Matches("^[A-HJKMNP-Z2-9]{8}$", c));
        Assert.True(codes.Distinct().Count() > 195);
    }

    [Fact]
    public void Hash_IgnoresCaseSpacesAndDashes_ButNotTheCode()
    {
        Assert.Equal(LinkCode.Hash("ABCD2345"), LinkCode.Hash(" abcd-2345 "));
        Assert.NotEqual(LinkCode.Hash("ABCD2345"), LinkCode.Hash("ABCD2346"));
        Assert.DoesNotContain("ABCD2345", LinkCode.Hash("ABCD2345"), StringComparison.OrdinalIgnoreCase);
    }
}
