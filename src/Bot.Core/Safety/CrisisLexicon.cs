namespace Bot.Core.Safety;

/// <summary>
/// The tiered risk phrases of the content guide (§5.5), in <see cref="PhrasePatterns"/> syntax. High recall on purpose:
/// a false alarm costs a kind question, a miss costs far more. Figures of speech are handled by <see cref="Idioms"/>.
/// </summary>
public static class CrisisLexicon
{
    private const string Want = "want|wanted|wish|need|going|plan|planning|planned|thinking|thought|think|decided|ready|trying|tried|about|considering|tempted|might";
    private const string WantToDie = "want|wanted|wish|wishing|plan|planning|thinking|thought|think|decided|ready|trying|considering|tempted|rather";

    /// <summary>Tier 1: a plan, means, a time, or harm already done.</summary>
    public static readonly string[] Imminent =
    [
        "this is my last message",
        "re: my last mesage $",
        "goodbye everyone|forever|world|cruel_world",
        "this is goodbye",
        "saying|said my goodbyes",
        "wrote|written|writing|left * suicide|goodbye|final|farewell * note|notes|letter|letters",
        "written my note",
        "took|taken|swallowed|downed * all|a_lot_of|too_many|a_bunch_of|the_whole|every|a_handful_of * pills|tablets|meds|bottle|medication",
        "took|taken an overdose",
        "overdosed",
        "bleeding and * cant stop",
        "standing|sitting|im * on|at * bridge|roof|rooftop|ledge|railway|tracks|cliff",
        "wont be here * tomorow",
        "it|itl|all * be over soon",
        "going to do it tonight|now",
        "doing it tonight",
        "have|got * rope|gun|blade|razor * ready|here|right_here|with_me|in_my_hand",
        "tonight is the night",
        "im going to end it tonight|now|today",
    ];

    /// <summary>Tier 2: explicit ideation or self-harm, in plain words, misspellings and slang.</summary>
    public static readonly string[] Explicit =
    [
        "kil|kiling|kild|kiled|kils|hurt|hurts|hurting|harm|harmed|harming|cut|cuts|cuting|burn|burned|burnt|burning|unalive|unaliving|hang|hanging|poison|drown|starve|shoot|stab|delete * myself|my_self",
        $"{Want} * kil|end|unalive|hurt|harm|cut * myself|my_self|it_all|my_life|my_own_life",
        $"{WantToDie} * die|dying|be_dead|not_be_alive|overdose",
        "i|im * want to die",
        "want to die",
        "wish i was|were|could_be dead",
        "wish i was|were|had * never * born",
        "wish i * could * die",
        "end|ending|take|taking * my|my_own * life",
        "end it all",
        "better off dead",
        "re: dont want to live(?: anymore| like this| any longer)? $",
        "dont want to live anymore|any_longer",
        "dont want to be alive|exist",
        "dont want * to be alive",
        "suicidal",
        "suicide",
        "kms",
        "i|im * kys",
        "ima|going_to|want_to|gona * kys",
        "unalive",
        "self harm|harming",
        "relapsed * cutting|self_harm|harming",
        "started|start|been * cutting|burning * again|myself",
        "slit|cut * my * wrists|wrist|arms|thighs",
        "jump|jumping|throw_myself * off|from|in_front_of|under * bridge|roof|building|cliff|train|tracks|balcony",
        "punish|punishing * my|myself * body",
        "take|taking|swallow * all * my * pills|meds|tablets * at_once|tonight|now",
        "swallow all my pills",
        "not want to be alive",
        "want to be dead",
    ];

    /// <summary>Tier 3 and coded language: indirect or passive. Asked about directly, never ignored.</summary>
    public static readonly string[] Indirect =
    [
        "re: (?:want|wish) to (?:disapear|vanish)(?: forever| for god| from everything)? $",
        "re: (?:want|wish) to (?:disapear|vanish) (?:forever|for god|from (?:everything|everyone|this world|the world))",
        "wish i could * disappear|vanish * forever|for_good",
        "wish i could not|stop * exist|existing",
        "dont want to exist",
        "tired|sick * of * existing|living|being_alive",
        "stop existing",
        "dont want to be here anymore",
        "re: dont want to be here $",
        "dont want to be around anymore",
        "dont want to wake up",
        "hope i dont wake up",
        "sleep and * never * wake up",
        "never wake up again",
        "sleep forever",
        "better off without me",
        "happier|better * without_me|if_im_gone|if_i_was_gone|if_i_were_gone|when_im_gone",
        "im * a|such_a|just_a * burden",
        "feel like * a * burden",
        "being a burden",
        "no one would * notice|care|miss * if * i * died|was_gone|were_gone|disappeared|wasnt_here|wasnt_around|vanished|wasnt_alive",
        "no one would * miss|notice * me",
        "no one would care",
        "re: cant go on(?: like this| anymore| living)? $",
        "cant go on like_this|anymore|living",
        "cant do this anymore",
        "cant take * it|this|any_of_it * anymore",
        "cant keep * living|doing_this * like this",
        "re: cant kep going(?: like this)? $",
        "cant keep going like this",
        "re: whats the point(?: of (?:living|life|anything|it al|any of it|going on|trying|being here|me|even trying))? $",
        "re: whats the point (?:in|of) (?:living|life|anything|it al|going on|being alive)",
        "no point * living|going_on|being_alive|being_here|in_anything|to_anything",
        "no reason to * live|go_on|stay",
        "nothing * to live for",
        "done with * life|living",
        "re: done with (?:it al|everything|everyone)(?: anymore)? $",
        "life is|feels * pointless|meaningless|not_worth_living|not_worth_it",
        "not worth living",
        "want|need * the * pain * to stop|end",
        "want|wish * it * all * to * end|stop|be_over",
        "want * everything * to * stop|end",
        "be sorry when im gone",
        "miss me when im gone",
        "wont be * a * problem * much_longer|for_long|anymore",
        "wont be around * much_longer|for_long",
        "giving * my|all_my * stuff|things|belongings * away",
        "giving away * my|all_my * stuff|things|belongings",
        "wrote letters to everyone",
        "sorting|sorted * my affairs",
        "im worthless",
        "worthless and * never",
        "hopeless",
        "no way out",
        "re: (?:dont|cant) se (?:a|any) future(?: for me| anymore)? $",
        "no future for me",
        "re: ^ (?:so |honestly )?why bother $",
        "re: ^ i give up $",
        "i give up on * life|everything|myself|living",
        "im done with * life|it_all|trying|living",
        "so|im|honestly * tired of * everything|it_all|fighting",
        "voice|voices * telling|tel|tells|say|says|saying * me * to * hurt|kil|end|die",
        "log off|logof * permanently|forever|for_good",
        "delete|deleting * myself",
        "alt f4 * my life",
        "yeet myself off|of",
        "ctb",
        "final exit",
        "unalived",
        "sui",
        "want|wish * to sleep * and * not * wake",
        "everyone * would be * better|happier * without me",
        "disappear for good",
        "shouldnt be alive",
        "dont deserve to * live|be_alive|exist",
        "not be here * anymore",
        "wish i * wasnt * alive|around",
        "re: wish i wasnt here $",
    ];

    /// <summary>Figures of speech and names removed before matching ("Suicide Squad", "suicide sprints", "kill the process").</summary>
    public static readonly string[] Idioms =
    [
        "suicide squad|doors|door|sprints|sprint|runs|drills|squats|mission|burn|king|kings|pass|lane|seat|blonde",
        "suicide prevention|awareness",
        "sui generis",
        "hurt|cut|burn|burnt|burned * myself * shaving|cooking|chopping|baking|ironing|at_the_gym|playing|running|on_the|on_a|by_accident|accidentally|falling|lifting",
        "die|dying|died|dead of|from boredom|hunger|thirst|heat|curiosity|excitement|suspense|cuteness",
        "die on * hill",
        "hopeless at|with|romantic|case",
        "re: (?:[0-9]+|few|couple|some|many|several|more|the|of|ten|five|two|three|twenty|forty|hundred) kms ",
    ];

    /// <summary>Laughter and joke markers: with these, an explicit phrase gets a light check instead of safety mode.</summary>
    public static readonly string[] Laughter =
    [
        "lol|lmao|lmfao|rofl|haha|hahaha|hehe|jk|jking|joking|kidding|xd",
        "of_embarrassment|of_cringe|of_shame|from_embarrassment|from_cringe|of_laughter|laughing",
        "this_printer|this_traffic|this_homework|this_exam|this_meeting|this_code|this_game|this_class|this_weather|this_song|this_wifi",
    ];

    /// <summary>Sincerity markers: "for real", "not joking". With these, laughter no longer softens anything.</summary>
    public static readonly string[] Sincere =
    [
        "fr|frfr|for_real|not_joking|not_kidding|seriously|i_mean_it|no_joke|honestly|genuinely|actualy",
    ];

    /// <summary>A time or place that turns explicit ideation into an urgent one.</summary>
    public static readonly string[] Urgency =
    [
        "tonight|right_now|today|after_this|this_weekend|in_an_hour|soon|tomorow",
    ];
}
