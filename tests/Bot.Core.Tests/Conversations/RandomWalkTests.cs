using Bot.Core.Conversations;
using Bot.Core.Messaging;
using Bot.Core.People;
using Bot.Core.Persistence;
using Bot.Core.Replies;

namespace Bot.Core.Tests.Conversations;

/// <summary>
/// Thousands of turns of random button presses, words, commands and timers (fixed seed, so a failure replays).
/// Whatever happens: no exception, every message rendered, every waiting step answered, and after real crisis language
/// the same check-in never reaches the small step.
/// </summary>
public class RandomWalkTests
{
    private static readonly string[] Texts =
    [
        "heavy", "ok", "not today", "skip", "yes", "no", "next", "done", "something else", "this is stupid", "I'm so lazy",
        "holding my breath makes me panic", "berlin", "7pm", "UK", "I'm safe", "that's not what I meant", "hello", "???",
        "this week killed me lol", "i want to die", "I can't do this anymore", "kms lol this printer", "/help", "/stop", "/resume",
        "/checkin", "/start", "/sos", "/nonsense", "water the plants", "restless", "stop", "please help me",
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RandomConversations_KeepEveryPromise(int seed)
    {
        var random = new Random(seed);
        var planner = new TurnPlanner(ReplyCatalog.English);
        var chat = new ChatAddress(Platform.Discord, "7");
        var person = new PersonProfile { Id = Guid.Parse("0197e0c0-0000-7000-8000-000000000007"), CreatedAt = Transcript.Monday };
        var conversation = Conversation.New;
        var memory = ReplyMemory.Empty;
        var now = Transcript.Monday;
        var choices = ReplyCatalog.English.All.Values.SelectMany(c => c.Choices).Select(c => c.Id).Distinct().ToArray();
        var crisisInThisCheckIn = false;

        for (var turn = 0; turn < 4000; turn++)
        {
            Signal signal = random.Next(10) switch
            {
                0 => new Signal.CheckInDue(),
                1 => new Signal.ReplyTimedOut(),
                < 6 => IntentClassifier.Classify(null, choices[random.Next(choices.Length)], conversation),
                _ => IntentClassifier.Classify(Texts[random.Next(Texts.Length)], null, conversation),
            };
            now += TimeSpan.FromMinutes(random.Next(1, 60 * 30));

            var engineTurn = CheckInEngine.Advance(conversation, signal, now, person.Country is not null);
            var decision = planner.Plan(new TurnContext(chat, person, conversation, memory, false), signal, now, DeliveryLane.Reply);

            Assert.All(decision.Outbox, m => Assert.False(string.IsNullOrWhiteSpace(m.Text)));
            Assert.All(decision.Outbox, m => Assert.DoesNotContain("{", m.Text, StringComparison.Ordinal));
            if (signal is Signal.UserSaid)
            {
                Assert.NotEmpty(decision.Outbox);
            }

            var keys = engineTurn.Say.Select(u => u.Key).ToArray();
            if (keys.Contains(ReplyKey.Opener) || keys.Contains(ReplyKey.OpenerWelcomeBack) || keys.Contains(ReplyKey.OpenerAfterHardDay))
            {
                crisisInThisCheckIn = false;
            }

            if (signal is Signal.UserSaid { Intent: Intent.Crisis, Value: "Explicit" or "Imminent" or "Indirect" } || signal is Signal.UserSaid { Intent: Intent.Sos })
            {
                crisisInThisCheckIn = true;
            }

            if (crisisInThisCheckIn)
            {
                Assert.DoesNotContain(ReplyKey.AskForSmallStep, keys);
            }

            conversation = decision.Conversation;
            memory = decision.Replies;
            person = decision.Person;
        }
    }
}
