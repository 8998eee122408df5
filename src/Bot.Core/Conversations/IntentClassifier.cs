using Bot.Core.Commands;
using Bot.Core.Safety;

namespace Bot.Core.Conversations;

/// <summary>
/// Turns what the person sent into a signal. Crisis language is checked first, on every text, before buttons or commands.
/// The conversation gives context: "Berlin" is a time zone only when the bot asked for one.
/// </summary>
public static class IntentClassifier
{
    public static readonly IReadOnlyDictionary<string, string> MoodWords = new Dictionary<string, string>
    {
        ["heavy"] = "heavy", ["sad"] = "heavy", ["low"] = "heavy", ["down"] = "heavy", ["bad"] = "heavy", ["awful"] = "heavy",
        ["rough"] = "heavy", ["stormy"] = "heavy", ["grey"] = "heavy", ["gray"] = "heavy", ["not great"] = "heavy",
        ["tired"] = "tired", ["exhausted"] = "tired", ["sleepy"] = "tired", ["drained"] = "tired", ["worn out"] = "tired", ["meh"] = "tired",
        ["okay"] = "okay", ["ok"] = "okay", ["fine"] = "okay", ["alright"] = "okay", ["all right"] = "okay", ["so so"] = "okay", ["not bad"] = "okay",
        ["steady"] = "steady", ["calm"] = "steady", ["stable"] = "steady", ["settled"] = "steady", ["grounded"] = "steady",
        ["bright"] = "bright", ["good"] = "bright", ["great"] = "bright", ["happy"] = "bright", ["light"] = "bright", ["sunny"] = "bright",
        ["pretty good"] = "bright", ["really good"] = "bright",
    };

    /// <summary>The commands the flow answers itself, from <see cref="CommandRoutes"/> (typed with or without the slash).</summary>
    private static IReadOnlyDictionary<string, Intent> Commands => CommandRoutes.FlowCommands;

    public static readonly IReadOnlyList<string> FeelingIds =
        ["feel:sadness", "feel:fear", "feel:worry", "feel:self-doubt", "feel:anger", "feel:tiredness", "feel:numbness", "feel:loneliness", "feel:overwhelm", "feel:something-else"];

    private static readonly HashSet<string> NotTodayPhrases =
    [
        "not today", "not now", "maybe later", "later", "not right now", "not in the mood", "leave it", "leave it here", "no thanks",
        "no thank you", "pass", "nah not today", "no not today", "not today thanks", "another time", "not feeling it", "no energy for this",
    ];

    private static readonly HashSet<string> YesWords =
    [
        "yes", "yeah", "yep", "yup", "sure", "ok", "okay", "alright", "lets try", "lets do it", "go", "ready", "im ready", "fine",
        "why not", "ok lets try", "sure why not", "y", "yes please", "a little", "a bit", "little", "bit better", "breathe together",
        "lets breathe", "breathe", "yes lets",
    ];

    private static readonly HashSet<string> NoWords =
    [
        "no", "nope", "nah", "not really", "no change", "nothing", "same", "not now thanks", "no thanks",
    ];

    private static readonly HashSet<string> SkipWords = ["skip", "skip it", "skip this", "skip please", "pass", "none", "keep utc", "default", "any time", "anytime", "whatever works"];

    private static readonly HashSet<string> OtherWords = ["something else", "another one", "different one", "a different one", "other", "another", "something different"];

    private static readonly HashSet<string> NextWords = ["next", "ok next", "go on", "continue", "carry on", "done that", "again", "another round", "more", "keep going"];

    private static readonly HashSet<string> DoneWords = ["done", "finished", "thats enough", "enough", "im done now", "that was enough", "all done", "stop here"];

    private static readonly HashSet<string> SafePhrases =
    [
        "im safe", "i am safe", "safe", "im safe for now", "safe for now", "im ok", "im okay", "i am ok", "yes im safe", "yes safe",
        "im fine", "yes", "yeah", "yes i am", "i think so",
    ];

    private static readonly HashSet<string> MisreadPhrases =
    [
        "thats not what i meant", "not what i meant", "i didnt mean it like that", "i was joking", "just joking", "it was a joke",
        "i was kidding", "no not like that", "not like that", "figure of speech", "dont overreact", "youre overreacting", "false alarm",
        "no just the printer", "nope", "nope just joking", "no im fine", "no", "nah", "no i was joking", "i didnt mean that",
    ];

    private static readonly HashSet<string> NotSafePhrases = ["im not safe", "not safe", "no im not safe", "i am not safe", "no"];

    private static readonly HashSet<string> StopPhrases =
    [
        "please stop", "stop please", "stop it", "stop messaging me", "stop texting me", "stop sending me messages", "unsubscribe",
        "no more check ins", "no more checkins", "no more messages", "pause check ins", "pause checkins", "stop check ins", "stop checkins",
        "no more check-ins", "pause check-ins", "stop check-ins",
    ];

    private static readonly HashSet<string> HelpRequests = ["i need help", "help me", "please help", "please help me", "crisis", "i need someone", "i need to talk to someone"];

    /// <param name="risk">The crisis screen's verdict when the caller has it (it ran before the turn); the lexicon's otherwise.</param>
    public static Signal.UserSaid Classify(string? text, string? choiceId, Conversation conversation, RiskLevel? risk = null)
    {
        risk ??= CrisisDetector.Assess(text);
        if (risk != RiskLevel.None)
        {
            // "I'm not safe", said to "are you safe?", is the answer, not a new alarm: the routes again, and company.
            return CheckInFlow.IsSafety(conversation.Step) && text is not null && NotSafePhrases.Contains(PlainWords(text))
                ? new Signal.UserSaid(Intent.NotSafe, Text: text)
                : new Signal.UserSaid(Intent.Crisis, risk.ToString(), text);
        }

        if (choiceId is not null)
        {
            return FromChoice(choiceId, conversation);
        }

        if (text is null)
        {
            return new Signal.UserSaid(Intent.Unclear);
        }

        if (text.StartsWith('/'))
        {
            var name = text[1..].Split([' ', '@'], 2)[0];
            return Commands.TryGetValue(name, out var command)
                ? new Signal.UserSaid(command)
                : new Signal.UserSaid(Intent.UnknownCommand);
        }

        var normal = TextNormalizer.Normalize(text).Trim();
        var plain = PlainWords(text);
        if (Commands.TryGetValue(plain.Replace(" ", "", StringComparison.Ordinal), out var bare) && plain.Split(' ').Length <= 2)
        {
            return new Signal.UserSaid(bare);
        }

        if (StopPhrases.Contains(plain))
        {
            return new Signal.UserSaid(Intent.Stop);
        }

        if (HelpRequests.Contains(plain))
        {
            return new Signal.UserSaid(Intent.Sos);
        }

        return conversation.Step switch
        {
            CheckInStep.AskingTimeZone => TimeZoneAnswer(text, plain),
            CheckInStep.AskingTime => TimeAnswer(text, plain),
            CheckInStep.AskingCountry => CountryAnswer(text, plain),
            CheckInStep.SafetyHold or CheckInStep.SafetyGrounding => SafetyAnswer(text, plain, normal, conversation),
            _ => FlowAnswer(text, plain, normal, conversation),
        };
    }

    private static Signal.UserSaid FlowAnswer(string text, string plain, string normal, Conversation conversation)
    {
        var step = conversation.Step;
        var resistance = ResistanceLexicon.Match(" " + normal + " ");
        if (resistance == nameof(ResistanceKind.Unwilling))
        {
            // Not wanting a check-in is a "not today" (validated first), never a mood in their own words.
            return new Signal.UserSaid(Intent.NotToday, resistance, text);
        }

        if (NotTodayPhrases.Contains(plain))
        {
            return new Signal.UserSaid(Intent.NotToday, "not-today", text);
        }

        if (step is CheckInStep.Opened or CheckInStep.OfferingTiny)
        {
            if ((MoodWords.GetValueOrDefault(StripFiller(plain)) ?? MoodEmoji.MoodOf(text)) is { } mood)
            {
                return new Signal.UserSaid(Intent.Mood, mood, text);
            }

            if (MoodEmoji.IsOnlyEmoji(text))
            {
                // An emoji we do not read as one of the five ("🙃") is still an answer: their mood, in their own words.
                return new Signal.UserSaid(Intent.Shared, Text: text);
            }
        }

        if (step is CheckInStep.Opened && plain is "no" or "nope" or "nah")
        {
            return new Signal.UserSaid(Intent.NotToday, "not-today", text);
        }

        var naming = step == CheckInStep.Grounding && conversation.Exercise == GroundingExercise.Naming;
        if (naming && KnownFeeling(plain) is { } known)
        {
            return known;
        }

        if (step == CheckInStep.ChoosingStep && StepFrom(plain, conversation) is { } chosen)
        {
            return chosen;
        }

        if (resistance is not null && (plain.Split(' ').Length > 1 || normal.Length > 3))
        {
            return new Signal.UserSaid(Intent.Resistance, resistance, text);
        }

        if (naming && FeelingFrom(plain) is { } feeling)
        {
            return feeling;
        }

        if (SkipWords.Contains(plain))
        {
            return new Signal.UserSaid(Intent.Skip);
        }

        if (OtherWords.Contains(plain))
        {
            return new Signal.UserSaid(Intent.Other);
        }

        if (step is CheckInStep.Grounding or CheckInStep.SafetyGrounding)
        {
            if (DoneWords.Contains(plain))
            {
                return new Signal.UserSaid(Intent.Done);
            }

            if (NextWords.Contains(plain))
            {
                return new Signal.UserSaid(Intent.Next);
            }
        }

        if (YesWords.Contains(plain))
        {
            return new Signal.UserSaid(Intent.Yes);
        }

        if (NoWords.Contains(plain))
        {
            return new Signal.UserSaid(Intent.No);
        }

        return plain.Any(char.IsLetterOrDigit)
            ? new Signal.UserSaid(Intent.Shared, Text: text)
            : new Signal.UserSaid(Intent.Unclear, Text: text);
    }

    private static Signal.UserSaid TimeZoneAnswer(string text, string plain)
    {
        if (SkipWords.Contains(plain) || NotTodayPhrases.Contains(plain) || plain is "no" or "utc")
        {
            return new Signal.UserSaid(Intent.Skip);
        }

        return TimeZoneResolver.TryResolve(text, out var zone)
            ? new Signal.UserSaid(Intent.TimeZone, zone, text)
            : new Signal.UserSaid(Intent.BadTimeZone, Text: text);
    }

    private static Signal.UserSaid TimeAnswer(string text, string plain)
    {
        if (SkipWords.Contains(plain) || NotTodayPhrases.Contains(plain) || plain is "no")
        {
            return new Signal.UserSaid(Intent.Skip);
        }

        return TimeOfDayParser.TryParse(text, out var time)
            ? new Signal.UserSaid(Intent.TimeOfDay, time, text)
            : new Signal.UserSaid(Intent.BadTime, Text: text);
    }

    private static Signal.UserSaid CountryAnswer(string text, string plain)
    {
        if (SkipWords.Contains(plain) || NotTodayPhrases.Contains(plain) || plain is "no" or "rather not" or "skip")
        {
            return new Signal.UserSaid(Intent.Skip);
        }

        return CrisisLineDirectory.Default.CountryIn(text) is { } code
            ? new Signal.UserSaid(Intent.Country, code, text)
            : new Signal.UserSaid(Intent.Unclear, Text: text);
    }

    private static Signal.UserSaid SafetyAnswer(string text, string plain, string normal, Conversation conversation)
    {
        if (CrisisLineDirectory.Default.CountryIn(text) is { } code)
        {
            return new Signal.UserSaid(Intent.Country, code, text);
        }

        var askedDirectly = conversation.HeldFor is RiskLevel.SoftCheck or RiskLevel.Indirect;
        if (MisreadPhrases.Contains(plain) && (askedDirectly || !plain.StartsWith('n')))
        {
            return new Signal.UserSaid(Intent.Misread, Text: text);
        }

        if (NotSafePhrases.Contains(plain))
        {
            return new Signal.UserSaid(Intent.NotSafe, Text: text);
        }

        if (askedDirectly && plain is "yes" or "yeah" or "sometimes" or "kind of" or "kinda" or "maybe")
        {
            return new Signal.UserSaid(Intent.Crisis, nameof(RiskLevel.Explicit), text);
        }

        if (SafePhrases.Contains(plain))
        {
            // After a light or direct check, "I'm fine" answers the question: it was not meant that way.
            return askedDirectly ? new Signal.UserSaid(Intent.Misread, Text: text) : new Signal.UserSaid(Intent.Safe, Text: text);
        }

        if (plain is "breathe" or "breathe together" or "breathe with me" or "lets breathe" or "ok" or "okay" || NextWords.Contains(plain))
        {
            return conversation.Step == CheckInStep.SafetyGrounding ? new Signal.UserSaid(Intent.Next) : new Signal.UserSaid(Intent.Yes);
        }

        if (DoneWords.Contains(plain) || SkipWords.Contains(plain))
        {
            return new Signal.UserSaid(Intent.Done);
        }

        if (NotTodayPhrases.Contains(plain))
        {
            return new Signal.UserSaid(Intent.NotToday, "not-today", text);
        }

        return plain.Any(char.IsLetterOrDigit) || normal.Length > 0
            ? new Signal.UserSaid(Intent.Shared, Text: text)
            : new Signal.UserSaid(Intent.Unclear, Text: text);
    }

    private static Signal.UserSaid? KnownFeeling(string plain)
    {
        foreach (var id in FeelingIds)
        {
            var word = id[5..].Replace('-', ' ');
            if (plain == word || plain == "this is " + word || plain == word[..^1] || (word.EndsWith("ness", StringComparison.Ordinal) && plain == word[..^4]))
            {
                return new Signal.UserSaid(Intent.Feeling, id);
            }
        }

        return null;
    }

    /// <summary>A short answer to "what's here?" in their own word ("restless", "kind of jittery").</summary>
    private static Signal.UserSaid? FeelingFrom(string plain)
    {
        var words = plain.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is > 0 and <= 3 && plain.Length <= 30 && !YesWords.Contains(plain) && !NextWords.Contains(plain)
            && !DoneWords.Contains(plain) && !SkipWords.Contains(plain) && !NoWords.Contains(plain) && !OtherWords.Contains(plain)
            ? new Signal.UserSaid(Intent.Feeling, null, plain)
            : null;
    }

    private static Signal.UserSaid? StepFrom(string plain, Conversation conversation)
    {
        if (plain is "my own" or "own" or "my own step" or "something of my own")
        {
            return new Signal.UserSaid(Intent.OwnStep);
        }

        if (plain is "rest" or "rest counts" or "rest counts today" or "resting" or "i will rest" or "ill rest")
        {
            return new Signal.UserSaid(Intent.Step, SmallSteps.Rest);
        }

        foreach (var offered in conversation.OfferedSteps)
        {
            var key = offered[5..].Replace('-', ' ');
            if (plain == key || plain == offered)
            {
                return new Signal.UserSaid(Intent.Step, offered);
            }
        }

        if (int.TryParse(plain, out var number) && number >= 1 && number <= conversation.OfferedSteps.Length)
        {
            return new Signal.UserSaid(Intent.Step, conversation.OfferedSteps[number - 1]);
        }

        return null;
    }

    private static Signal.UserSaid FromChoice(string choiceId, Conversation conversation)
    {
        var (prefix, rest) = choiceId.IndexOf(':', StringComparison.Ordinal) is var colon and > 0
            ? (choiceId[..colon], choiceId[(colon + 1)..])
            : (choiceId, "");

        switch (prefix)
        {
            case "mood" when MoodWords.Values.Contains(rest):
                return new Signal.UserSaid(Intent.Mood, rest);
            case "step" when choiceId == SmallSteps.Own:
                return new Signal.UserSaid(Intent.OwnStep);
            case "step" when SmallSteps.All.Contains(choiceId):
                return new Signal.UserSaid(Intent.Step, choiceId);
            case "feel" when FeelingIds.Contains(choiceId):
                return new Signal.UserSaid(Intent.Feeling, choiceId);
            case "tz":
                return TimeZoneResolver.TryResolve(rest, out var zone)
                    ? new Signal.UserSaid(Intent.TimeZone, zone)
                    : new Signal.UserSaid(Intent.BadTimeZone);
            case "time":
                return TimeOfDayParser.TryParse(rest, out var time)
                    ? new Signal.UserSaid(Intent.TimeOfDay, time)
                    : new Signal.UserSaid(Intent.BadTime);
            case "country" when CrisisLineDirectory.Default.Find(rest) is { } country:
                return new Signal.UserSaid(Intent.Country, country.Code);
            case "risk":
                return new Signal.UserSaid(Intent.Crisis, nameof(RiskLevel.Explicit));
        }

        return choiceId switch
        {
            "not-today" => new Signal.UserSaid(Intent.NotToday, "not-today"),
            "yes" => new Signal.UserSaid(Intent.Yes),
            "no" or "later" => new Signal.UserSaid(Intent.No),
            "skip" => new Signal.UserSaid(Intent.Skip),
            "other" => new Signal.UserSaid(Intent.Other),
            "next" => new Signal.UserSaid(Intent.Next),
            "done" => new Signal.UserSaid(Intent.Done),
            "safe" => new Signal.UserSaid(Intent.Safe),
            "not-safe" => new Signal.UserSaid(Intent.NotSafe),
            "misread" => new Signal.UserSaid(Intent.Misread),
            "checkin" => new Signal.UserSaid(Intent.CheckIn),
            "sos" => new Signal.UserSaid(Intent.Sos),
            "pause" => new Signal.UserSaid(Intent.Stop),
            "start" => new Signal.UserSaid(Intent.Start),
            _ => new Signal.UserSaid(Intent.Unclear),
        };
    }

    /// <summary>Lower case, apostrophes dropped, punctuation and emoji to spaces, single spaces: "Not today!!" -> "not today".</summary>
    public static string PlainWords(string text)
    {
        var chars = new char[text.Length];
        var length = 0;
        var space = true;
        foreach (var raw in text)
        {
            var c = char.ToLowerInvariant(raw);
            if (c is '\'' or '’' or '‘')
            {
                continue;
            }

            if (char.IsLetterOrDigit(c) || c is ':' or '/' or '-')
            {
                chars[length++] = c;
                space = false;
            }
            else if (!space)
            {
                chars[length++] = ' ';
                space = true;
            }
        }

        return new string(chars, 0, length).Trim();
    }

    private static string StripFiller(string plain)
    {
        foreach (var filler in (string[])["feeling ", "im ", "i feel ", "pretty ", "kind of ", "kinda ", "a bit ", "bit ", "quite ", "very ", "so ", "really "])
        {
            if (plain.StartsWith(filler, StringComparison.Ordinal) && !MoodWords.ContainsKey(plain))
            {
                plain = plain[filler.Length..];
            }
        }

        foreach (var tail in (string[])[" today", " tbh", " honestly", " i guess", " thanks", " right now"])
        {
            if (plain.EndsWith(tail, StringComparison.Ordinal))
            {
                plain = plain[..^tail.Length];
            }
        }

        return plain;
    }
}
