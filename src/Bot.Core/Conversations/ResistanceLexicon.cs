using System.Text.RegularExpressions;
using Bot.Core.Safety;

namespace Bot.Core.Conversations;

/// <summary>
/// Cue phrases for the resistance taxonomy (content guide §4.2), in <see cref="PhrasePatterns"/> syntax, checked in order:
/// the most specific kinds first. Crisis language never gets here: the crisis detector runs before.
/// </summary>
public static class ResistanceLexicon
{
    // Declared before the cues: static fields initialise in order, and Whole() reads these.
    /// <summary>Words around a short answer that do not change it: "ugh, maybe later tho", "no, I don't want to, sorry".</summary>
    private static readonly string[] Leading =
        ["ugh", "nah", "no", "honestly", "tbh", "sorry", "just", "really", "im", "i am", "i", "um", "hmm", "meh", "ok", "okay", "lol", "yeah", "so",
            "not now", "not right now"];

    private static readonly string[] Trailing =
    [
        "today", "tonight", "right now", "now", "atm", "tbh", "honestly", "sorry", "thanks", "thank you", "thx", "tho", "though", "please",
        "lol", "ok", "okay", "for now", "rn", "maybe", "to be honest", "really", "at all", "mate", "either",
    ];

    /// <summary>Harsh self-labels; the reframe quotes the label back (from this list, never the person's raw text).</summary>
    public static readonly IReadOnlyDictionary<string, string> SelfLabels = new Dictionary<string, string>
    {
        ["lazy"] = "lazy",
        ["weak"] = "weak",
        ["pathetic"] = "pathetic",
        ["useles"] = "useless",
        ["failure"] = "a failure",
        ["a failure"] = "a failure",
        ["mes"] = "a mess",
        ["a mes"] = "a mess",
        ["broken"] = "broken",
        ["stupid"] = "stupid",
        ["garbage"] = "garbage",
        ["trash"] = "trash",
        ["a joke"] = "a joke",
        ["joke"] = "a joke",
        ["loser"] = "a loser",
        ["a loser"] = "a loser",
        ["idiot"] = "an idiot",
        ["an idiot"] = "an idiot",
        ["disaster"] = "a disaster",
        ["a disaster"] = "a disaster",
    };

    private static readonly Regex SelfLabel = new(
        @" (?:im|i am|i feel|feel|i feel like|im such|such) (?:so |just |such |such a |a |an |really |literaly |completely |basicaly |a total |total |the |an absolute |absolutely |totaly |being )*(?<label>a failure|failure|lazy|weak|pathetic|useles|a mes|mes|broken|stupid|garbage|trash|a joke|joke|a loser|loser|an idiot|idiot|a disaster|disaster) ",
        RegexOptions.CultureInvariant | RegexOptions.Compiled,
        Regex.InfiniteMatchTimeout);

    private static readonly PhraseSet NeverTogether = PhrasePatterns.Compile(["il never get it together", "never get my life together", "never get it right"]);

    public static readonly IReadOnlyList<(ResistanceKind Kind, string[] Cues)> Cues =
    [
        (ResistanceKind.BodyResists, [
            "hold|holding * breath * panic|panicky|anxious|worse|dizzy|scared",
            "makes me * panic|panicky|dizzy|anxious",
            "dizzy", "lightheaded", "chest * tight|tightens|hurts", "cant breathe",
            "dont like * focusing_on|feeling * my * body|heartbeat|breath",
            "closing my eyes * doesnt|dont|isnt", "eyes closed * doesnt|dont|isnt",
            "touching * my * chest|heart|body * feels",
            "tensing * hurts|painful", "chronic pain", "my body feels like a stranger",
            "hate feeling my heartbeat", "cant sit still", "breathing * exercises|stuf|things * give|make * me * anxious|anxiety|panic|worse",
            "counting * breaths * makes * it * worse",
        ]),
        (ResistanceKind.Unworthy, [
            "dont deserve", "deserve it", "deserve a break", "deserve kindnes", "havent earned", "earn it|that|this", "not worthy|unworthy",
            "people like me", "feels like cheating", "once ive * fixed|sorted", "is for good people", "messed up too badly",
            "why would i be kind", "not for me", "others deserve",
        ]),
        (ResistanceKind.Critic, [
            "voice in my head", "my brain * says|keeps|tels|tells", "my head * says|keeps|tels|tells", "loop", "replaying",
            "cant stop thinking", "critic", "keeps telling me", "lists my failures", "list of * failures", "whats wrong with me",
            "sounds like my", "what they said about me", "cant turn off * thoughts", "beating myself up", "hate myself",
        ]),
        (ResistanceKind.FearOfFeeling, [
            "fall apart", "scared to * feel|open|let", "brings up", "old stuf", "made me cry", "cried", "guard down", "dont trust it",
            "rather stay busy", "more anxious when", "hurts more when", "worse when i", "everything hits me", "dont want to feel",
            "afraid to feel", "afraid of what",
        ]),
        (ResistanceKind.Unwilling, [
            Whole("dont want to", "dont realy want to", "dont want to talk", "dont feel like it", "dont feel like talking", "do i have to",
                "not in the mood", "not realy in the mood", "not in teh mood", "not in da mood", "in no mood", "not feeling it", "not feeling this",
                "maybe later", "mayb later", "mby later", "perhaps later", "later maybe", "later perhaps", "maybe tomorrow",
                "maybe another time", "maybe another day", "maybe some other time", "maybe next time", "pointless",
                "leave me alone", "leav me alone", "leave me be", "let me be", "cba", "cant be bothered", "cannot be bothered",
                "couldnt be bothered", "cant be botherd", "cant be arsed", "cant be asked", "cant be bothered with this",
                "cant be bothered with it", "cant be bothered with any of this", "cant be bothered to talk"),

            // Raw expressions run over normalised text, so their words are written squeezed: "feels" is "fels". These are the
            // person's own unwillingness: at the start, or right after "I", "just", "honestly" ("they don't want to" is not).
            Own("dont (?:realy )?want to (?:do|try|answer|start|talk|chat|check in|checkin)(?: about)? (?:this|that|it|any of this|today|right now|now) "),
            Own("dont (?:realy )?want (?:this|any of this) "),
            Own("dont (?:realy )?fel like (?:it|this|talking|doing this|doing it|checking in|answering|chatting) "),
            Own("(?:cant|canot|couldnt|cant even) be (?:bothered|botherd|bovered|arsed|asked) "),
            Own("not (?:realy )?in (?:the|teh|da) mod for (?:this|it|that|talking|chatting|checking in|a check in|breathing|any of this) "),
            Own("in no mod for (?:this|it|that|talking|any of this) "),
            Own("not feling (?:it|this) "),
            "re:(?:this|that|it|al this|this al|this whole thing) (?:is|fels|sems|sounds) (?:(?:so|just|kinda|kind of|realy|totaly|completely|al|a bit|prety|honestly) )*pointles ",
            "re:(?:its|thats) (?:(?:so|just|kinda|kind of|realy|totaly|completely|al|a bit|prety|honestly) )*pointles ",
        ]),
        (ResistanceKind.FearOfSoftness, [
            "discipline", "tough love", "kick not a hug", "need a kick", "soft is weak", "soft = weak", "excuses", "off the hook",
            "complacent", "keeps me in line", "go easy on myself", "harsh * only thing * works", "being harsh", "get even lazier",
            "never get anything done",
        ]),
        (ResistanceKind.Guilt, [
            "guilty", "guilt", "should be * working|doing|studying", "wasted * day|time|weekend", "behind on", "so behind", "falling behind",
            "to do list", "todo", "only did", "havent done enough", "didnt do * anything|a_single_thing", "rest feels like",
            "feel bad * taking|resting", "when im productive", "productive", "grinding", "not doing enough",
        ]),
        (ResistanceKind.Selfish, [
            "selfish", "indulgent", "narcissistic", "others first", "kids need me", "partner needs me", "who am i to", "me time",
            "put others first", "should be helping others", "everyone else comes first", "other people come first",
        ]),
        (ResistanceKind.Alone, [
            "everyone else", "only one who", "no one gets it", "alone in this", "all my friends have", "others have it worse",
            "too smal to matter", "shouldnt complain", "should be over this", "no one else", "everyone on insta", "bother anyone",
            "im alone", "so alone", "lonely",
        ]),
        (ResistanceKind.AtTheBot, [
            "youre a bot", "you are a bot", "just a bot", "stupid bot", "you cant understand", "stop telling me", "you dont know me",
            "annoying", "go away", "why do you care", "youre code", "not doing your exercises", "quit it",
            "stop being so nice",
        ]),
        (ResistanceKind.Awkward, [
            "cringe", "weird", "fake", "awkward", "silly", "forced", "fraud", "embarassing", "embarrassing", "touchy feely", "squirm",
            "uncomfortable", "feels wrong", "feel wrong",
        ]),
        (ResistanceKind.Numb, [
            "numb", "empty", "dont feel anything", "feel nothing", "cant feel", "nothing lands", "blank", "flat", "autopilot",
            "disconnected", "outside myself", "zombie", "dont know how i feel", "did literally nothing", "nothing changed", "nothing. nada",
        ]),
        (ResistanceKind.Sceptical, [
            "stupid", "bs", "bulshit", "exercise|exercises|breathing|practice|stuf|checkins|check_ins * pointless", "pointless exercise|stuf|practice", "doesnt work", "dont work", "wont fix", "tried * this|that|it|al_this * already|before",
            "scripted", "whatever", "dont believe in", "spare me", "therapist bot", "self care stuf", "waste of time", "useles", "dumb",
            "pay my rent", "fix my life", "meh",
        ]),
        (ResistanceKind.Overwhelmed, [
            "cant", "too much", "overwhelmed", "overwhelming", "drowning", "frozen", "too tired", "cant focus", "cant think", "swamped",
            "no energy", "exhausted", "burnt out|burned_out", "burnout",
        ]),
    ];

    private static readonly (ResistanceKind Kind, PhraseSet Pattern)[] Compiled =
        Cues.Select(c => (c.Kind, PhrasePatterns.Compile(c.Cues))).ToArray();

    /// <summary>A cue that must be (nearly) the whole message: "maybe later" alone declines, "maybe later I'll walk" does not.</summary>
    private static string Whole(params string[] phrases)
    {
        static string Words(IEnumerable<string> words) =>
            "(?:" + string.Join("|", words.Select(w => Regex.Escape(TextNormalizer.Normalize(w).Trim()))) + ")";

        return "re:^ (?:" + Words(Leading) + " )*(?:" + Words(phrases) + " )+(?:" + Words(Trailing) + " )*$";
    }

    /// <summary>A raw cue said by the person themselves: at the start of the message or right after a word like "I" or "just".</summary>
    private static string Own(string cue) =>
        "re:^(?:.* (?:i|im|just|realy|honestly|tbh|ugh|so|but|and|no|ok|okay|sory|yeah|lol))? " + cue;

    /// <summary>The resistance in a normalised text: "SelfLabel:lazy", "Guilt", ..., or null.</summary>
    public static string? Match(string normal)
    {
        var label = SelfLabel.Match(normal);
        if (label.Success)
        {
            return "SelfLabel:" + SelfLabels.GetValueOrDefault(label.Groups["label"].Value, label.Groups["label"].Value);
        }

        if (NeverTogether.IsMatch(normal))
        {
            return "SelfLabel:never getting it together";
        }

        foreach (var (kind, pattern) in Compiled)
        {
            if (pattern.IsMatch(normal))
            {
                return kind.ToString();
            }
        }

        return null;
    }
}
