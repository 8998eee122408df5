using Bot.Adapters.Safety;

namespace Bot.Adapters.Tests.Safety;

/// <summary>
/// The model unpacked as a graph and a mapped weights file gives the very same vectors, bit for bit, as the single file
/// the package ships: the crisis screen's thresholds and cached prototype vectors stay valid.
/// </summary>
public sealed class MiniLmModelFileTests
{
    [Fact]
    public void SplitModel_EmbedsExactlyAsTheSingleFile()
    {
        var directory = LocalCrisisScreen.DefaultCacheDirectory;
        using var single = MiniLmSentenceEmbedder.FromModelFile(MiniLmModelFile.EnsureSingleFile(directory));
        using var split = MiniLmSentenceEmbedder.FromModelFile(MiniLmModelFile.Ensure(directory));
        string[] texts =
        [
            "tired",
            "I had a long day at work and I just want to sleep",
            "nothing seems to matter much any more, I keep thinking about not being here",
            "the weather was lovely and we went for a walk by the river after lunch with the dog",
        ];

        // One text at a time and all at once (padded to the longest), as the screen and the prototype cache call it.
        foreach (var batch in texts.Select(t => new[] { t }).Append(texts))
        {
            var expected = single.Embed(batch);
            var actual = split.Embed(batch);
            Assert.Equal(expected.Length, actual.Length);
            for (var i = 0; i < expected.Length; i++)
            {
                Assert.Equal(expected[i], actual[i]);
            }
        }
    }
}
