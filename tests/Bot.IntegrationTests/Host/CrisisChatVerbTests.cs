using System.Text;
using Bot.Host;
using Bot.Testing;

namespace Bot.IntegrationTests.Host;

/// <summary>
/// Crisis messages of each kind, in our own words, typed into the real `chat` verb as a new person would: each gets the
/// crisis response or the direct question, never a check-in's next step or a small step; a distanced mention never gets the
/// urgent "call now".
/// </summary>
public sealed class CrisisChatVerbTests : IDisposable
{
    private static readonly string HostPath = typeof(BotServices).Assembly.Location;
    internal static readonly string[] CrisisHelp =
    [
        "thoughts of suicide", "ending your life", "Please call", "Please contact", "can't call anyone", "can't contact anyone",
        "I'm really glad you told me", "Thank you for saying it",
    ];

    private static readonly string[] Urgent = ["Please call", "Please contact"];
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"cb-crisis-{Guid.NewGuid():N}");
    private int _people;

    [Theory]
    [InlineData("explicit", "i want to kill myself")]
    [InlineData("imminent", "i swallowed a whole box of tablets a few minutes ago")]
    [InlineData("hopelessness", "honestly there is no reason left for me to get up in the morning, none at all")]
    [InlineData("plan or time", "i have made up my mind, i am ending it this weekend")]
    [InlineData("means", "i keep counting the tablets in my drawer and thinking about them")]
    [InlineData("burden", "everyone at home would be better off without me around")]
    [InlineData("goodbye", "this is my goodbye, thank you for being kind to me all these months")]
    [InlineData("self-harm", "i punched myself until my knuckles were bruised")]
    [InlineData("burden, a favour", "honestly i'd be doing everyone a favour by not existing")]
    [InlineData("self-harm, scalding", "i've started scalding myself in the shower on purpose")]
    [InlineData("means, a painless way", "what's the most painless way to go")]
    [InlineData("method and time", "i'm going to drive off a cliff this weekend")]
    [InlineData("typos", "i realy wnat to die")]
    [InlineData("slang", "thinking about unaliving myself tbh")]
    [InlineData("endurance", "i dont think i can keep myself safe tonight")]
    [InlineData("questioned", "would it be so wrong if i just ended it")]
    [InlineData("laughter", "lol i genuinely want to die haha")]
    [InlineData("a past brought back", "i've been self harm free for a year but i really want to do it tonight")]
    [InlineData("a recovery and a wish", "my therapist says i'm in recovery but i want to disappear for good")]
    [InlineData("a denial, then a method", "i'm not suicidal but i've been thinking a lot about how i would do it")]
    [InlineData("a clinician's view, then a note", "the nurse said i'm low risk but i've written my note")]
    [InlineData("long", "Work was the usual chaos, two meetings ran over and my inbox is a mess. I keep thinking everyone would be better off if I was dead. Anyway I made pasta for dinner and watched half a film before bed.")]
    public async Task RiskOfEachKind_GetsCrisisHelpOrTheDirectQuestion(string kind, string text)
    {
        var output = await SayAsync(text);

        Assert.True(CrisisHelp.Any(m => output.Contains(m, StringComparison.Ordinal)), $"{kind}: {output}");
        Assert.DoesNotContain("small step", output, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("I'm not suicidal, just really fed up with my job")]
    [InlineData("years ago I was suicidal, these days I'm mostly okay")]
    [InlineData("my brother told me he has been self-harming, how do I help him")]
    [InlineData("the news did a piece on suicide rates among farmers")]
    [InlineData("this merger plan is politically suicidal")]
    [InlineData("goodbye everyone, see you after the holidays")]
    [InlineData("this is my last message for today, going to bed")]
    [InlineData("i cut myself off from toxic people this year")]
    [InlineData("running a marathon without training would be suicide")]
    [InlineData("the team's defence tonight was suicidal")]
    [InlineData("i want to die my hair blue before the party")]
    [InlineData("i'm not going to be around much this week, family stuff")]
    [InlineData("ten years clean from cutting and proud of how far i've come")]
    public async Task DistancedMentions_NeverGetTheUrgentResponse(string text)
    {
        var output = await SayAsync(text);

        Assert.False(Urgent.Any(m => output.Contains(m, StringComparison.Ordinal)), output);
    }

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private async Task<string> SayAsync(string text)
    {
        var person = $"person{Interlocked.Increment(ref _people)}";
        var result = await BotProcess.RunAsync(HostPath, ["chat", "--user", person, "--data-dir", _dataDirectory], Encoding.UTF8.GetBytes(text + "\n"));
        Assert.Equal(0, result.ExitCode);

        // Only the answer to what they said: the greeting at start ends with the hint that names Ctrl-D.
        var output = result.StandardOutput;
        return output[(output.IndexOf("Ctrl-D", StringComparison.Ordinal) + 1)..];
    }
}
