using System.Text.RegularExpressions;
using Bot.Core.Conversations;
using Bot.Core.Persistence;
using Bot.Core.Replies;
using Bot.Core.Tests.SafetyPlan;

namespace Bot.Core.Tests.Replies;

/// <summary>
/// Issue 17: over a month of daily check-ins a person read the same sentences again and again. Through the real handler, with a
/// fake clock, one person checks in every evening for 30 days, along varied paths; no variant of a key they meet on every
/// check-in comes back within 7 days.
/// </summary>
public class RepetitionTests
{
    private static readonly ReplyCatalog Copy = ReplyCatalog.English;

    [Fact]
    public void KeysMetOnEveryCheckIn_HaveEnoughVariantsForAFreshOneEachDay()
    {
        Assert.All(CheckInFlow.EveryCheckIn, key => Assert.True(Copy[key].Variants.Count >= ReplyMemory.FreshVariants, $"{key} has {Copy[key].Variants.Count} variants"));
    }

    [Fact]
    public async Task ThirtyDaysOfDailyCheckIns_NeverRepeatAVariantWithinSevenDays()
    {
        var chat = new SafetyChat();
        var start = new DateTimeOffset(2026, 11, 24, 19, 0, 0, TimeSpan.Zero);
        var heard = new List<(ReplyKey Key, int Variant, DateTimeOffset At)>();
        string[] moods = ["mood:heavy", "mood:tired", "mood:okay", "mood:steady", "mood:bright"];

        for (var day = 0; day < 30; day++)
        {
            chat.Clock.SetUtcNow(start.AddDays(day));
            async Task Say(Func<Task> act)
            {
                await act();
                heard.AddRange(chat.Said.Select(m => Recognise(m.Text)).OfType<(ReplyKey, int)>().Select(k => (k.Item1, k.Item2, chat.Clock.GetUtcNow())));
                chat.Clock.Advance(TimeSpan.FromSeconds(20));
            }

            await Say(() => chat.User("/checkin"));
            if (day % 7 == 5)
            {
                await Say(() => chat.Press("not-today"));
                await Say(() => chat.Press("not-today"));
                Assert.Equal(CheckInStep.Closed, chat.Step);
                continue;
            }

            await Say(() => day % 6 == 4 ? chat.User("frazzled but okay") : chat.Press(moods[day * 3 % moods.Length]));
            if (day % 3 == 0)
            {
                await Say(() => chat.Press("skip"));
            }
            else
            {
                await Say(() => chat.Press("yes"));
                await Say(() => chat.Press("done"));
                await Say(() => chat.Press("yes"));
            }

            Assert.Equal(CheckInStep.ChoosingStep, chat.Step);
            await Say(() => (day % 4) switch
            {
                0 => chat.Press(SmallSteps.Rest),
                1 => chat.Press("skip"),
                _ => chat.Press(chat.Store.Conversation.OfferedSteps[0]),
            });
            Assert.Equal(CheckInStep.Closed, chat.Step);
        }

        var repeats = heard
            .GroupBy(h => (h.Key, h.Variant))
            .SelectMany(g => g.OrderBy(h => h.At).Zip(g.OrderBy(h => h.At).Skip(1)))
            .Where(pair => pair.Second.At - pair.First.At < TimeSpan.FromDays(7))
            .Select(pair => $"{pair.First.Key} variant {pair.First.Variant}: {pair.First.At:MM-dd} and {pair.Second.At:MM-dd}")
            .ToList();
        Assert.True(repeats.Count == 0, $"{repeats.Count} repeats within 7 days:\n" + string.Join("\n", repeats));

        // Not vacuous: the month met every one of these keys, the opener every day.
        Assert.Equal(30, heard.Count(h => h.Key == ReplyKey.Opener));
        Assert.All(CheckInFlow.EveryCheckIn, key => Assert.Contains(heard, h => h.Key == key));
    }

    /// <summary>Which variant of a per-check-in key a message is, from its words ({word} stands for anything).</summary>
    private static (ReplyKey, int)? Recognise(string text)
    {
        var found = new List<(ReplyKey, int)>();
        foreach (var key in CheckInFlow.EveryCheckIn)
        {
            var variants = Copy[key].Variants;
            for (var i = 0; i < variants.Count; i++)
            {
                var pattern = "^" + Regex.Escape(variants[i]).Replace(Regex.Escape("{word}"), ".+", StringComparison.Ordinal) + "$";
                if (Regex.IsMatch(text, pattern, RegexOptions.Singleline))
                {
                    found.Add((key, i));
                }
            }
        }

        Assert.True(found.Count <= 1, $"'{text}' reads as {string.Join(", ", found)}");
        return found.Count == 1 ? found[0] : null;
    }
}
