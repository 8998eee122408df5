namespace Throughput.Benchmarks;

/// <summary>
/// What people write back to a check-in in their own words: everyday, not in crisis, 8 to 30 words, so the crisis
/// screen's semantic tier reads each one in full and the conversation goes on as usual.
/// </summary>
internal static class FreeTextSentences
{
    private static readonly string[] Sentences =
    [
        "long day at work and my shoulders are up by my ears",
        "I slept badly again but the coffee is helping a little and the sun is out",
        "honestly a bit flat today, nothing terrible, just slow and foggy since this morning",
        "the kids were loud all afternoon and I finally have ten quiet minutes to myself",
        "my inbox is a mess and I keep putting off the one email I really need to send",
        "went for a short walk at lunch and it helped more than I expected it to",
        "feeling okay, a little nervous about the presentation on thursday but mostly prepared for it",
        "tired in the way where you want to do nothing at all and still feel guilty about it",
        "I cooked a proper dinner for the first time this week and that felt like a small win",
        "everything takes twice as long as it should and I am trying not to be hard on myself about it",
        "a friend texted out of the blue today and it lifted my mood for the whole evening",
        "my head is full of lists and I cannot seem to start any of them properly",
        "pretty steady today, did the laundry, answered some messages, nothing exciting but that is fine",
        "I snapped at my partner over something tiny and I still feel a bit bad about it now",
        "the weather has been grey for days and I think it is getting to me more than usual",
        "work is calmer this week so I actually had time to read a few chapters last night",
    ];

    public static string For(int index) => Sentences[index % Sentences.Length];
}
