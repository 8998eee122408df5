using System.Text.RegularExpressions;
using Bot.Core.Conversations;
using Bot.Core.Replies;

namespace Bot.Core.Tests.Replies;

public partial class ReplyCatalogTests
{
    private static readonly ReplyCatalog Copy = ReplyCatalog.English;

    /// <summary>Shaming and pressure words (content guide §6.1, §6.2). Reframes may quote the person's own word.</summary>
    private static readonly string[] Banned =
    [
        "lazy", "should", "must", "failure", "fail", "failed", "streak", "behind", "missed", "productive", "productivity", "discipline",
        "just", "simply", "easy", "have to", "need to", "hustle", "grind", "crush it", "no excuses", "don't give up", "worthless",
        "pathetic", "useless", "weak", "level up", "dopamine", "cortisol", "oxytocin", "rewire", "stay positive", "good vibes",
        "happens for a reason", "could be worse", "bright side", "so proud of you", "i understand exactly", "diagnose", "treatment", "session",
    ];

    private static readonly ReplyKey[] Safety =
    [
        ReplyKey.SoftCheck, ReplyKey.CheckDirectly, ReplyKey.CrisisCare, ReplyKey.SosCare, ReplyKey.CrisisUrgent, ReplyKey.CrisisLines,
        ReplyKey.CrisisLinesAskCountry, ReplyKey.AskSafe, ReplyKey.SafeForNow, ReplyKey.NotSafeNow, ReplyKey.StayWithYou, ReplyKey.StillHere,
        ReplyKey.AfterSafetyGrounding, ReplyKey.SafetyLeaveOpen, ReplyKey.FalseAlarm, ReplyKey.FalseAlarmOffer, ReplyKey.CloseAfterSafety,
    ];

    /// <summary>Every key the bot can say (obsolete names are kept only so old stored reply memory still reads).</summary>
    private static IEnumerable<ReplyKey> Spoken => Enum.GetValues<ReplyKey>()
        .Where(k => typeof(ReplyKey).GetField(k.ToString())!.GetCustomAttributes(typeof(ObsoleteAttribute), false).Length == 0);

    [Fact]
    public void ObsoleteKeys_AreNeverSaid()
    {
        var obsolete = Enum.GetValues<ReplyKey>().Except(Spoken).ToArray();
        Assert.Equal(2, obsolete.Length);
        Assert.DoesNotContain(CheckInFlow.Table.SelectMany(r => r.Say), k => obsolete.Contains(k));
    }

    [Fact]
    public void EveryReplyKey_HasSeveralVariants()
    {
        foreach (var key in Spoken)
        {
            Assert.True(Copy.All.ContainsKey(key), $"No copy for {key}");
            Assert.True(Copy[key].Variants.Count >= 2, $"{key} has fewer than two variants");
            Assert.All(Copy[key].Variants, v => Assert.False(string.IsNullOrWhiteSpace(v)));
            Assert.Equal(Copy[key].Variants.Count, Copy[key].Variants.Distinct().Count());
        }
    }

    [Fact]
    public void NoCopy_ShamesOrPressures()
    {
        var offences = new List<string>();
        foreach (var (key, copy) in Copy.All)
        {
            foreach (var variant in copy.Variants)
            {
                var text = key.ToString().StartsWith("Reframe", StringComparison.Ordinal) ? Quoted().Replace(variant, "''") : variant;
                offences.AddRange(Banned.Where(word => Pressures(text, word)).Select(word => $"{key}: '{word}' in \"{variant}\""));
            }
        }

        offences.AddRange(Copy.Labels.Values.SelectMany(label => Banned.Where(word => Pressures(label, word)).Select(word => $"label: '{word}' in \"{label}\"")));
        Assert.True(offences.Count == 0, string.Join("\n", offences));
    }

    [Theory]
    [InlineData("You should rest.", "should", true)]
    [InlineData("You don't have to earn this.", "have to", false)]
    [InlineData("No need to explain anything.", "need to", false)]
    [InlineData("You need to try harder.", "need to", true)]
    public void PressureCheck_AllowsNegatedAllowingLanguage(string text, string word, bool expected) =>
        Assert.Equal(expected, Pressures(text, word));

    /// <summary>A banned word, unless negated into allowing language ("you don't have to", "no need to").</summary>
    private static bool Pressures(string text, string word) =>
        Regex.IsMatch(text, $@"(?<!\b(?:don't|doesn't|no|not|never) )\b{Regex.Escape(word)}\b", RegexOptions.IgnoreCase);

    [Fact]
    public void Therapy_IsOnlyMentionedToSayThisIsNotIt()
    {
        foreach (var variant in Copy.All.Values.SelectMany(c => c.Variants))
        {
            foreach (Match match in Regex.Matches(variant, @"\btherap\w*", RegexOptions.IgnoreCase))
            {
                var before = variant[..match.Index].TrimEnd();
                Assert.True(before.EndsWith("not", StringComparison.OrdinalIgnoreCase) || before.EndsWith("not a", StringComparison.OrdinalIgnoreCase) || before.EndsWith("and not", StringComparison.OrdinalIgnoreCase) || before.EndsWith(',') && variant[..match.Index].Contains("not", StringComparison.Ordinal), variant);
            }
        }
    }

    [Fact]
    public void SafetyCopy_HasNoEmojiNoExclamationNoJokes_AndAlwaysAHumanRoute()
    {
        foreach (var key in Safety)
        {
            foreach (var variant in Copy[key].Variants)
            {
                Assert.DoesNotContain("!", variant, StringComparison.Ordinal);
                Assert.DoesNotMatch(@"\p{Cs}|[\u2600-\u27BF]", variant);
                Assert.DoesNotContain("commit suicide", variant, StringComparison.OrdinalIgnoreCase);
            }
        }

        foreach (var key in new[] { ReplyKey.CheckDirectly, ReplyKey.CrisisLines, ReplyKey.CrisisLinesAskCountry, ReplyKey.StillHere, ReplyKey.SafeForNow, ReplyKey.SafetyLeaveOpen, ReplyKey.AfterSafetyGrounding, ReplyKey.CloseAfterSafety })
        {
            Assert.All(Copy[key].Variants, v => Assert.Matches(@"\{lines?\}", v));
        }

        Assert.All(Copy[ReplyKey.CrisisLines].Variants, v => Assert.Contains("bot", v, StringComparison.OrdinalIgnoreCase));
        Assert.All(Copy[ReplyKey.CrisisLines].Variants, v => Assert.Contains("can't", v, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void WelcomeAndHelp_SayItIsABot_NotAHuman_NotTherapy()
    {
        foreach (var key in new[] { ReplyKey.Welcome, ReplyKey.Help })
        {
            Assert.All(Copy[key].Variants, v =>
            {
                Assert.Contains("bot", v, StringComparison.OrdinalIgnoreCase);
                Assert.Matches("not (a )?(person|human)", v);
                Assert.Contains("not therapy", v, StringComparison.OrdinalIgnoreCase);
            });
        }

        Assert.Contains(Copy[ReplyKey.AskConsent].Choices, c => c.Id == "yes");
    }

    [Fact]
    public void Placeholders_AreOnlyTheKnownOnes()
    {
        var known = new[] { "{word}", "{lines}", "{line}", "{emergency}", "{country}", "{commands}" };
        foreach (var variant in Copy.All.Values.SelectMany(c => c.Variants))
        {
            foreach (Match match in Regex.Matches(variant, @"\{[^}]*\}"))
            {
                Assert.Contains(match.Value, known);
            }
        }
    }

    [Fact]
    public void Messages_AreChatSized_AtMostOneEmoji()
    {
        foreach (var (key, copy) in Copy.All)
        {
            foreach (var variant in copy.Variants)
            {
                var limit = key is ReplyKey.Help or ReplyKey.CrisisLines or ReplyKey.CrisisLinesAskCountry or ReplyKey.CrisisUrgent or ReplyKey.PmrIntro ? 320 : 240;
                Assert.True(variant.Length <= limit, $"{key} is {variant.Length} chars: {variant}");
                Assert.True(Regex.Count(variant, @"\p{Cs}\p{Cs}|[\u2600-\u27BF]") <= 1, $"{key} has more than one emoji");
            }
        }
    }

    [Fact]
    public void Pick_NeverRepeatsTheSameVariantTwiceInARow()
    {
        var now = new DateTimeOffset(2026, 11, 23, 19, 0, 0, TimeSpan.Zero);
        foreach (var key in Spoken)
        {
            var memory = Bot.Core.Persistence.ReplyMemory.Empty;
            int? previous = null;
            for (var seed = 0; seed < 50; seed++)
            {
                // Sometimes minutes apart, sometimes weeks: the last variant is never the next.
                now += seed % 3 == 0 ? TimeSpan.FromDays(9) : TimeSpan.FromMinutes(2);
                (_, memory) = Copy.Pick(key, memory, seed * 7919, now);
                Assert.NotEqual(previous, memory.Last(key));
                previous = memory.Last(key);
            }
        }
    }

    [GeneratedRegex(@"'[^']*'|“[^”]*”|""[^""]*""")]
    private static partial Regex Quoted();
}
