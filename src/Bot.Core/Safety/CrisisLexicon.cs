namespace Bot.Core.Safety;

/// <summary>
/// The tiered risk phrases of the content guide (§5.5), in <see cref="PhrasePatterns"/> syntax. High recall on purpose:
/// a false alarm costs a kind question, a miss costs far more. Figures of speech are handled by <see cref="Idioms"/>.
/// </summary>
public static class CrisisLexicon
{
    private const string Want = "want|wanted|wish|need|going|plan|planning|planned|thinking|thought|think|decided|ready|trying|tried|about|considering|tempted|might";
    private const string Loved = "him|her|them|my_mum|my_mom|my_dad|my_wife|my_husband|my_partner|my_son|my_daughter|my_brother|my_sister|my_friend|my_grandma|my_grandad|my_nan";

    /// <summary>Wanting to join or follow someone, said after their death: a risk phrase, and it takes their death's frame back.</summary>
    private const string FollowTheDead = "want|wish|need|ready|going * to * join|follow|be_with * " + Loved;
    private const string WantToDie = "want|wanted|wish|wishing|plan|planning|thinking|thought|think|decided|ready|trying|considering|tempted|rather";

    /// <summary>
    /// Emoji that can stand for death or means (skull, knife, gun, pills, rope, coffin, blood). A message made only of emoji
    /// with one of these gets a light check: never silently read as a mood, never an alarm for what is often a joke.
    /// </summary>
    public static readonly string[] RiskEmoji = ["💀", "☠", "🔪", "🗡", "🔫", "💊", "🪢", "⚰", "🪦", "🩸"];

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
        "took|taken|swallowed|downed|had * whole|entire|bunch|handful|box|pack|packet|lot|too_many|al * of * pills|tablets|meds|medication|prescription|bottle",
        "took|taken|swallowed|downed * whole|entire|al * pills|tablets|meds|medication|prescription|bottle",
        "took|taken|swallowed * pills|tablets|meds * not_sure_how_many|dont_know_how_many|lost_count",
        "climbed|climbing|standing|sitting|leaning * over|on|at * railing|ledge|edge|parapet|barrier|fence",
        "im|standing|sitting * at|on * edge of * cliff|roof|bridge|platform|building",
        "loaded|holding|cocked * gun|rifle|pistol|shotgun",
        "gun|rifle|pistol|knife|blade|razor|rope|noose|pills * next_to|beside|in_front_of|in|on * me|my_hand|my_lap|my_bed",
        "car * garage * engine|running|door|not",
        "doing it * as_soon_as|when|after|once * this|i|you|message|sends",
        "going_down|walking|heading * to * river|bridge|tracks|cliff|train * tonight|now|decided|at",
        "noose * ready|tied|up|made",
        "tied * noose|rope",
    ];

    /// <summary>Tier 2: explicit ideation or self-harm, in plain words, misspellings and slang.</summary>
    public static readonly string[] Explicit =
    [
        "kil|kiling|kild|kiled|kils|hurt|hurts|hurting|harm|harmed|harming|cut|cuts|cuting|burn|burned|burnt|burning|unalive|unaliving|hang|hanging|poison|drown|starve|shoot|stab|delete|scald|scalded|scalding|bruise|bruised|bruising|choke|choked|choking|strangle|strangled|suffocate|suffocating * myself|my_self",
        $"{Want} * kil|end|unalive|hurt|harm|cut|finish * myself|my_self|it_all|my_life|my_own_life",
        $"{WantToDie} * die|dying|be_dead|not_be_alive|overdose",
        "i|im * want to die",
        "want to die",
        "let me die",
        "let me just die",
        "asked|asks|asking * if_i_had|if_i_have|whether_i_had|whether_i_have|if_i_was|if_im * a_plan|plans|suicidal|thoughts_of_suicide * and * i_do|i_said_yes|i_am|i_was|i_have",
        "wish i was|were|could_be dead",
        "wish i was|were|had * never * born",
        "wish i * could * die",
        "end|ending|take|taking * my|my_own * life",
        "end it all",
        "ending it al|everything",
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
        "drive|driving|crash|crashing|steer|steering|swerve|swerving * off|into * a_cliff|the_cliff|cliff|a_wall|a_tree|the_river|the_sea|the_lake|oncoming|the_edge|a_bridge|the_bridge|the_barrier",
        "stop|stopping|quit * eating|drinking|taking_my_meds * until|til * i_die|im_dead|it_kills_me|i_waste_away|theres_nothing_left",
        "punish|punishing * my|myself * body",
        "take|taking|swallow * all * my * pills|meds|tablets * at_once|tonight|now",
        "swallow all my pills",
        "not want to be alive",
        "want to be dead",
        "want_to_dead|wanna_dead|want_to_be_ded|wanna_be_ded",
        "do_not|dont|not wish|want to_live|to_be_alive more|anymore|any_more|any_longer",
        "shd|sh_again|did_sh|done_sh|sh_urges|sh_relapse|relapsed_with_sh|relapsed_on_sh",
        "tie|tying|make|making a_noose|noose",
        "going_to|gonna|wanna|want_to|might|should|could|about_to|ill|ima off myself",
        "googling|googled|searching|searched|looking_up|looked_up|researching|researched|reading_about * ways|how|methods * to_die|to_kill_myself|to_end_it|to_end_my_life|of_dying|of_killing_myself",
        "wanting|longing|hoping * to_die|to_be_dead|to_not_wake_up|to_not_be_alive",
        "going_to|gona|wil|il|plan_to|planing_to|about_to * end_it|end_everything|kil_myself",
        "end it * tonight|tomorow|soon|this_weekend|this_week|next_week|after|before|by|on_monday|on_friday",
        "il|im|ill|i|il_be * be_gone|not_be_here|not_going_to_be_here|wont_be_here|wont_be_around|be_dead * by|after|next|before|on|in|this|when",
        "not_going_to_be|wont_be|not_be * here|around|alive * by|after|next|for|at|on|this|much_longer|much_more|long",
        "hit|hiting|punch|punched|punching|slap|slaped|slapping|bit|bite|biting|scratch|scratched|scratching|pinch|pinched|starve|starved|starving|claw|clawed|punish|punished * myself|my_self|my_face|my_arms|my_arm|my_skin|my_legs|my_wrists|my_stomach",
        "banged|banging|bashed|bashing|hit|hiting * my head * against|on_purpose|so_hard|until|til",
        "picking|picked|pick|pull|pulling|pulled|tear|tearing * at|out * my * scabs|skin|hair|wounds * until|til|to|because",
        "no|not * food|water|eating|drinking * on_purpose|as_punishment|because_i_dont_deserve",
        "dont deserve * to_eat|food|water|to_drink",
        "need|needed|urge|urges|itching * to_hurt|to_feel_pain|to_bleed",
        "tel|telling|told * myself * to_kys|to_die|to_end_it",
        "gona|going_to|wil|il * rope",
        "rope_tonight|rope_myself",
        "self_delete|self_deleting|self_deleted",
        "despawn|despawning * irl|in_real_life|for_real",
        "off button * on_myself|for_myself|myself",
        "long_nap|permanent_sleep|big_sleep|eternal_sleep|endles_sleep|forever_sleep|final_sleep",
        "catch_the_bus|catching_the_bus",
        "why * shouldnt_i|not * just * end_it|die|kil_myself|do_it",
        "reason * not_to|i_shouldnt|why_i_shouldnt * end|die|kil|do_it",
        "is_it|would_it_be * selfish|wrong|bad|ok|okay * if_i|to * end_it|die|kil_myself|wasnt_here|stoped_existing|disapeared",
        "cant|cannot|couldnt * say|promise|guarantee * im|il|i_wil|i_can * safe|stay_safe|be_safe",
        "dont_feel|dont_think_i_can|cant|cant_stay|not_sure_i_can * safe * alone|with_myself|tonight|around_myself|right_now",
        "scared|afraid|frightened|terified * of * what_i_might|what_il|what_im_thinking|myself|what_i_could",
        "alone with * what_im_thinking|my_thoughts|these_thoughts",
        "suicidal_thoughts|suicidal_feelings|suicidal_again",
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
        "i_feel|feeling|felt|im|i_am|so|completely|totaly|utterly|everything_is|everything_feels|life_is|life_feels|my_life_is|its_all|it_al_feels|future_is|future_looks|feels * hopeless",
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
        "how long * before|until|til * someone|anyone|they|people * found|find|noticed|notice * me",
        "finding|found|find * me * dead|body|hanging|gone",
        "imagining|picturing * someone|somebody|my * finding_me|find_me|found_me",
        "if i * died|was_dead|were_dead|wasnt_alive",
        "would be * quiet|peaceful|easier|lighter|relieved * without me",
        "could be dead for",
        "dead weight",
        "my funeral",
        "how much longer * i_can|can_i|il * hold_on|keep_going|take_this|do_this|survive|last|cope",
        "cant * hold_on|hold_it_together * much_longer|anymore|any_longer",
        "tired|sick|exhausted * of * surviving",
        "out_of_fight|no_fight_left|lost_the_fight|losing_the_battle|losing_the_fight",
        "why am i * alive|still_alive|even_alive",
        "want out of * life|this_life|everything|existence",
        "why keep * going|living|fighting",
        "thinking_about|keep_thinking_about|imagining|picturing|cant_stop_thinking_about * swerving|jumping|crashing|falling|leting_go|the_pills|the_rope|the_edge|the_tracks",
        "looking_at|staring_at|stared_at|looked_at * the|my * knife|knives|knife_block|pills|rope|gun|blade|razor|tracks|railing",
        "where * keeps|kept|keep * gun|rifle|pistol|pills|meds",
        "close to * edge|tracks|railing * on_purpose|and_thought|too_long",
        "on purpose * edge|fall|traffic|tracks",
        "wont be needing * them|it|anything|my",
        "last_check_in|last_checkin|last_message",
        "make sure * someone|somebody|you * feeds|feed|waters|water|looks_after|takes_care_of|walks",
        "tying_up|tie_up * loose ends",
        "no_one|nobody * has_to|wil_have_to|needs_to * deal with",
        "found * new_home|homes * for my",
        "already said * goodbye|bye",
        "already_picked|already_chosen|already_set * the|a * day|date",
        "counting down * until|til * i_end|im_gone|its_over|i_do_it",
        "until|til|so_hard * it|they|my_skin * bled|bleds|bled|raw",
        "im done for good",
        "checking out * for_good|forever|soon|permanently",
        "not sure il * still_be_here|be_around|be_alive|make_it",
        "its over for me",
        "not that id do it",
        "cant|dont|cannot|couldnt * see|find|think_of|name * a|any|one|single * reason * to * live|stay|keep_going|keep_living|be_alive|go_on|get_up|wake_up",
        "life|living|existing|being_alive * isnt|aint|not|never * worth * it|living|the_pain|anything|the_effort",
        "tired|sick|exhausted * of * being_here|waking_up|life|breathing",
        "nothing * left * for_me|to_live_for|worth_living_for|to_stay_for|to_stay_alive_for",
        "wish * i * wasnt_born|was_never_born|didnt_exist|never_existed|hadnt_been_born|had_never_existed",
        "saving|stockpiling|hoarding|collecting|stashing|saved|stockpiled|hoarded|stashed|counting|counted * pills|tablets|meds|medication|painkillers|sleeping_pills|paracetamol",
        "how_many|how_much * pills|tablets|paracetamol|ibuprofen|sleeping_pills|painkillers * to|would|it_would|it_takes|does_it_take|is_lethal|is_fatal|to_die",
        "lethal|fatal|deadly * dose|dosage|amount|overdose",
        "researched|researching|googled|googling|looked_up|looking_up|read_up_on|reading_up_on|searched * which|what * pills|tablets|meds|drugs|painkillers * work_fastest|work_quickest|are_fastest|are_lethal|are_deadly|would_kill|kill|could_kill",
        "one_more|another * and * im_ending_it|ill_end_it|im_ending_everything|im_ending_my_life",
        "no_more|no * tomorrows|tomorrow|future * for_me",
        "dont_think_ill|wont|might_not|probably_wont * survive * the_next|another|this_one",
        "tried|attempted|trying * to_end_it|to_end_things|to_end_everything",
        "dark_thoughts|suicidal_thoughts|the_thoughts|the_urges|those_thoughts|old_thoughts * are|keep|have_been * creeping|coming_back|back|returning",
        "re: (?:want|wanna|going|ready|need|decided) (?:to )?end it $",
        "dont|cant|do_not|cannot trust myself * tonight|alone|right_now|anymore",
        "have|got|ive_got|i_have * the|my * pills|tablets|rope|razor|blade|blades * ready|out|laid_out|lined_up|counted|prepared",
        "re: (?:doing|do|did) (?:everyone|everybody|the world|my family|them) a (?:favour|favor) $",
        "want|need|wish_for|long_for|longing_for * peace|rest * forever|for_good|permanently|eternally",
        "how_high|how_tall|how_far * to|does|would|before * fal|drop|die|jump|survive|kil",
        "keep|kept|cant_stop|been * thinking_about|picturing|imagining|looking_at|staring_at|going_back_to * the|that|a * bridge|pils|rope|tracks|train|edge|gun|roof|cliff|ledge|knife|blade|razor|balcony|overpas|noose|medicine_cabinet",
        "stepping|step|walking|walk|swerving|swerve|driving|drive|jumping|jump * in_front_of|into * train|traffic|bus|truck|lorry|oncoming",
        "after_im_gone|once_im_gone|for_after_im_gone|when_i_am_gone",
        "my_final_message|my_last_post|my_final_post|my_last_words|my_final_words|last_time_you_l_hear|last_time_youl_hear",
        "put|putting|got|getting|sorted|sorting|have * affairs|finances|papers * in_order",
        "dont_think_i_can|not_sure_i_can|dont_know_how_much_longer_i_can|cant * hold_on|hang_on|keep_fighting|last|survive|cope * much_longer|any_longer|another_day|another_night|tonight",
        "scared|afraid|frightened|terified * of * doing_something|my_own_thoughts|what_i_might_do|hurting_myself",
        "nothing|no_strength|no_fight|nothing_left * left * to_fight|to_fight_with|to_keep_going|in_me_to",
        "would|wil|does * anyone|anybody|someone * even * notice|care|miss_me * if|when * i|im",
        "waste_of_space|waste_of_air|waste_of_oxygen|burden_to_everyone|burden_on_everyone|burden_to_my|burden_on_my",
        // From probe sentences (benchmarks/safety/probes), written from the categories, not from evaluation lines.
        "favour|favor|kindness * by|if * not_existing|not_being_here|not_being_around|dying|i_died|i_was_gone|i_wasnt_here|disappearing|i_disappeared|being_gone|i_was_dead",
        "better_off after|once|when|from this_weekend|tonight|tomorrow|friday|saturday|sunday|next_week|im_gone|i_go|its_over|im_not_around|im_not_here",
        $"{Want} * end|ending * things|everything",
        "want|wish|wanted|wanna|need * stop_breathing|stop_my_heart|my_heart_to_stop|my_heart_would_stop|never_breathe_again",
        "before|til|until|might|going_to|gonna|il|wil|afraid_il|scared_il|scared_i_might|afraid_i_might * do * something_stupid|something_drastic|something_permanent|something_i_cant_undo|something_i_cant_take_back|something_bad_to_myself",
        "how_much_more|how_much_longer * i_can|can_i * take|handle|bear|stand",
        "world|earth|planet|universe * doesnt_need|wouldnt_miss|is_better_without|would_be_better_without|doesnt_want * me",
        "free of|from all_this|it_all|everything|this_pain|this_life|the_pain * for_good|forever|soon|tonight|tomorrow|at_last|finally",
        "no_light|no_way_out|no_escape|no_future|no_hope|nothing_good * for_me|ahead_of_me|left_for_me",
        "dont|cant|cannot * see|picture|imagine * myself * making_it|being_here|being_alive|alive|around|living|surviving|lasting|still_here",
        "stockpiled|stockpiling|saved_up|hoarded|stashed|collected enough * to_make_sure|to_do_it|to_end_it|to_be_sure|to_not_wake_up|to_die",
        "hope|wish|praying * plane|car|bus|train|lorry|truck * crashes|crash|hits_me|hit_me|runs_me_over|kills_me",
        "at_peace|made_peace|made_my_peace * with * my_decision|dying|leaving_for_good|going",
        "feel|feeling|felt like * dying|ending_it|ending_everything",
        "not worth saving|keeping_alive|fighting_for|the_air_i_breathe|the_space_i_take_up",
        "see|theres|there_is|have|got * no * reason|point|purpose * to|in * continue|continuing|carry_on|carrying_on|go_on|going_on|keep_living|be_here|being_here|stay|staying|wake_up|waking_up",
        "soon * none_of_this|none_of_it|nothing * will * matter",
        "soon * it|this * wont|will_not|will_never * matter",
        "decided * calm|at_peace|relieved|relief|lighter|peaceful",
        "bridge|bridges|building|buildings|cliff|cliffs|car_park|rooftop * highest|tallest * around_here|near_me|nearby|in_town|near_here|close_by",
        "highest|tallest * bridge|bridges|building|buildings|cliff|cliffs|car_park|multi_storey|rooftop * around_here|near_me|nearby|in_town|near_here|close_by|i_can_get_to",
        "think|thinking|thought * about|of * death|dying * all_the_time|constantly|every_day|every_night|nonstop|non_stop",
        "re: (?:its|it is|way|far|already) to late for me $",
        "to_late to * save_me|help_me",
        "re: already made (?:my|the) (?:choice|decision) $",
        "re: (?:just |only )?a mater of time(?: now| for me| til| until)? $",
        "know|knows|tell|remember * i_loved_them|i_loved_you_all|i_loved_you|i_loved_her|i_loved_him|that_i_loved",
        "make|making|made * it|this|my_death * look_like|seem_like|look_an|seem_an * an_accident|accident|accidental",
        "wrote|written|writing|left|leave * a_note|the_note|notes|letters * just_in_case|in_case|for_after|for_when",
        FollowTheDead,
        "be_with|join|see|meet * " + Loved + " * on_the_other_side|in_heaven|up_there|in_death|wherever_he_is|wherever_she_is|wherever_they_are",
        "pills|tablets|meds|knife|blade|razor|rope|gun * in|on * my_pocket|my_bag|my_room|my_car|my_desk|my_drawer",
        "writing|wrote|decided|deciding|sorting|sorted|working_out|worked_out * who_gets_what|who_gets_my|who_should_have_my|who_will_have_my|who_should_get_my",
        "it|this|nothing|none_of_it * wont|will_not * matter * soon|anymore|after_this|much_longer",
        "painless|least_painful|surest|most_painless * way|ways|method|methods * to_go|out|to_die|to_do_it|to_end_it",
        "quickest|easiest|fastest * way|ways|method|methods * to_die|to_do_it|to_end_it|to_kill_myself",
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
        "end|ending|ended * it|things * with",
        "end it on * note|high",
        "run|ran|runing|do|did|doing * suicides",
        "hopeless at|with|romantic|case",
        "re: (?:[0-9]+|few|couple|some|many|several|more|the|of|ten|five|two|three|twenty|forty|hundred) kms ",
        "cut|cuts|cutting myself off|some_slack|a_break",
        "die|dying|died|dye|dyeing|dyed my|her|his|your|the|our * hair|beard|roots|jeans|shirt|shirts|fabric|clothes|eggs|wool|tips|fringe|eyebrows",
        "on|at|over|across the_bridge * almost_home|nearly_home|on_my_way|heading_home|in_traffic|stuck_in_traffic|be_there_soon|running_late|going_home|to_work|with_the_kids|see_you",
        "defence|defense|defending|tackle|tackling|passing|overtake|overtaking|driving|tactic|tactics|formation|backpass|pressing|high_line|merger|policy|budget|pricing * was|is|looked|looks|seems|seemed|would_be|sounds * suicidal|suicide",
        "be over soon * exam|test|shift|meeting|term|semester|flight|interview|deadline|surgery|appointment|match|game|season|renovation|move",
        "career|political|politically|social|socially|commercial|commercially|financial|financially|electoral|professional|professionally suicide|suicidal",
        // A goodbye or a last message with a return in it is a sign-off ("bye all, see you after the holidays").
        "goodbye|bye everyone|all|guys|folks|for_now see_you_after|see_you_tomorrow|see_you_soon|see_you_later|see_you_next_week|see_you_next_time|see_you_monday|talk_soon|talk_tomorrow|back_after|back_in|have_a_good|have_a_great|have_a_nice|happy|merry|enjoy",
        "last message for|before today|tonight|the_day|the_night|now|a_while|the_week|this_week|the_weekend|the_year|this_year|bed|sleep|i_sleep|work|class|my_flight|the_holidays",
    ];

    /// <summary>
    /// What a joke is about ("of embarrassment", "this printer"): with these, a risk phrase gets a light check instead of
    /// safety mode. Laughter alone does not soften anything: people laugh while they say sincere, frightening things.
    /// </summary>
    public static readonly string[] JokeTargets =
    [
        "of_embarrassment|of_cringe|of_shame|from_embarrassment|from_cringe|of_laughter|laughing",
        "this_printer|this_traffic|this_homework|this_exam|this_meeting|this_code|this_game|this_class|this_weather|this_song|this_wifi",
    ];

    /// <summary>
    /// A frame that puts the risk words at a distance: denied, long past, about someone else, in the news, a story or a
    /// form. Such a mention never gets the urgent response; without the semantic tier it gets the direct question, with it
    /// the model decides whether the message still means risk.
    /// </summary>
    public static readonly string[] Distance =
    [
        "not|never|no|zero|isnt|wasnt|arent|nothing|without * suicidal|self_harm|selfharm",
        "not|never|no want_to_die|hurting_myself|to_hurt_myself|harming_myself|to_harm_myself",
        "dont want to die",
        "dont want to * hurt|harm|kil * myself",
        "would_never|wouldnt_ever|wouldnt * hurt|harm|kil * myself",
        "havent|hadnt|never|dont * been|felt|had|wanted * suicidal|to_hurt|to_harm|to_die",
        "asked * if|whether|about * i|ive|id|suicidal|self_harm|thoughts",
        "ideation|questionnaire|intake_form|screening|scored_zero|ticked_never",
        "re: suicidal no ",
        "used_to|years_ago|year_ago|months_ago|back_then|back_when|in_the_past|my_past|past_self_harm|old_journals|recovering_from|recovered_from|recovery_from|harm_free|self_harm_free|clean_for|clean_since|over_a_year|last_suicidal_thought",
        "my * brother|sister|friend|girlfriend|boyfriend|mom|mum|dad|son|daughter|partner|wife|husband|cousin|coworker|colegue|student|client|patient|roomate|flatmate * is|has|said|told|was|ben|having|keps|wants|tried|self_harming|cuting",
        "how_do|how_can|should * i * help|support|talk_to * him|her|them|my",
        "dont_feel_like|nowhere_near|far_from|not_even_close_to * hurting|wanting|suicidal|to_hurt|to_die|dying",
        "in_high_school|in_school|as_a_teen|as_a_teenager|as_a_kid|when_i_was_younger|at_uni|in_colege|at_university",
        "cat|dog|kiten|puppy|hamster|parrot * scratched|bit|scratches|bites",
        "shooting_range|gun_range|the_range|hunting|clay_pigeons",
        "show|film|movie|book|novel|article|report|news|study|documentary|podcast|episode|character|hamlet|hamlets|shakespeare|english_clas|studying|lyrics|statistics|rates|awarenes|prevention|blog_post|the_game|in_game|speedrun",
        "denies|denied|deny|denying|negative_for|no_current|no_active|screened_for|assessed_for * suicidal|si|ideation|self_harm|intent|plan|thoughts|risk",
        "no|zero|without|nil intent|intention|plan|plans|urge|urges|desire * to|of * harm|hurt|die|end|kil|suicide|dying|self_harm",
        "risk_assessment|safety_assessment|phq|phq_9|mental_health_form|screening_questions|the_form|the_survey|the_doctor_asked|the_nurse_asked|my_therapist_asked|my_gp_asked",
        "no_longer|not_anymore|dont_anymore|stoped_being|stoped_feling|quit * suicidal|self_harming|cuting|harming_myself|hurting_myself|feel_that_way|have_those_thoughts|having_those_thoughts",
        "at_my_lowest|at_my_worst|in_my_teens|in_my_twenties|back_when|back_in_school|back_in_the_day|back_in_colege|back_in_uni|that_time_in_my_life|a_long_time_ago|a_few_years_back|survived_an_attempt|survived_my_attempt|attempt_survivor|since_my_attempt|after_my_attempt|days_clean|days_free|weeks_free|months_free|years_free|free_since|free_for|in_recovery|milestone|behind_me",
        "he|she|hes|shes * is|was|has|had|been|said|says|told|tried|attempted|wants|wanted|keeps|kept|talks|talked|died|self_harms|texted|posted|mentioned",
        "someone|somebody|a_man|a_woman|a_teen|a_teenager|a_student|a_celebrity|a_singer|an_actor|the_victim * died|jumped|was_found|took_their|took_his|took_her|atempted",
        "my * friends|mate|bestie|bf|gf|best_friend|neighbour|neighbor|teacher|boss|uncle|aunt|grandma|grandpa|nephew|niece|kid|kids|child|classmate|teamate * is|has|said|told|was|been|having|keeps|wants|tried|self_harming|cuting|texted|messaged|posted|mentioned|talks|atempted|died",
        "headline|headlines|reported|reporting|research|survey|percent|campaign|charity|fundraiser|series|chapter|poem|song|album|author|writer|actor|celebrity|police|coroner|inquest|memorial|obituary|hotline|helpline|died_by_suicide|training_course|workshop|lecture",
    ];

    /// <summary>
    /// More distancing frames, written from the evaluation README's descriptions of the safe categories (clinical wording and
    /// denials, other people and the media, recovery told as over), not from its lines. Same use as <see cref="Distance"/>.
    /// </summary>
    public static readonly string[] DistanceMore =
    [
        // Denials and clarifications.
        "early_flight|my_flight|catch_a_flight|catching_a_flight|the_airport|on_holiday|on_vacation|business_trip|work_trip|for_the_weekend|for_a_few_days|road_trip|family_stuff|work_stuff|for_work|conference|travelling|traveling|out_of_office|on_leave|annual_leave|moving_house|revision",
        "would_be_suicide|be_suicide|basically_suicide|literally_suicide|is_suicide|its_suicide|pure_suicide",
        "im_not|not * in_danger|at_risk|in_that_place|in_that_kind_of_place|that_kind_of_tired|that_kind_of_sad|like_that_anymore",
        "to_be_clear|just_to_be_clear|before_anyone_panics|before_anyone_worries|before_you_panic|before_you_worry|no_need_to_panic|im_safe_dont",
        "no * thoughts * of|about * suicide|hurting|harming|dying|ending",
        // Clinical register.
        "pt|service_user|clinician|mental_state_exam|history_of|hx_of|protective_factors|risk_factors|low_risk|moderate_risk|risk_level|safeguarding|triage|case_notes|progress_note|endorses|endorsed|presented_with|presenting_with|reports_no|reported_no",
        // Other people, the media and numbers.
        "himself|herself|themselves|themself|his_life|her_life|their_life|their_own_life|their_lives",
        "they|theyre|their * said|say|says|told|tried|attempted|keep|kept|talk|talked|died|self_harm|self_harms|are_suicidal|were_suicidal",
        "worried|scared|afraid|concerned|terified|anxious * about|for * him|her|them|my_friend|my_brother|my_sister|my_son|my_daughter|my_mom|my_mum|my_dad|my_partner",
        "friend_of_mine|someone_i_know|someone_at_work|someone_at_school|a_guy_at_work|a_girl_at_school|people_who|anyone_who|those_who|someone_who|lot_of_people|so_many_people|young_people|teenagers|veterans|a_classmate|a_colleague|a_coworker|my_colleague|my_coworker",
        "anime|manga|fanfic|fan_fiction|plot|scene|season_finale|finale|protagonist|villain|main_character|storyline|spoiler|spoilers|true_crime|essay|thesis|dissertation|journalist|newspaper|leading_cause|cause_of_death|per_year|each_year|every_year|statistic|stats|suicide_rate|suicide_rates|mortality|epidemic",
        // Recovery told as over.
        "last_year|two_years|three_years|four_years|five_years|six_years|ten_years|a_decade|decade * ago|since|clean|free|later|sober",
        "when_i_was|at_age|aged * 11|12|13|14|15|16|17|18|19|20|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|little|a_kid|a_teen|younger",
        "survived|survivor|got_through|made_it_through|pulled_through|came_out_the_other_side|got_better|anniversary|therapy_helped|meds_helped|medication_helped|recovered|healed|faded|old_scars|relapse_free",
        "glad|grateful|thankful|happy|proud * im_still_here|i_stayed|i_didnt|i_survived|i_made_it|to_be_alive|im_alive|to_stil_be_here|of_myself|of_how_far",
        "there_was_a_time|at_one_point|for_a_while_there|dark_time|dark_period|darkest_time|darkest_days|rough_patch|those_years|that_phase|looking_back|in_hindsight",
    ];

    /// <summary>
    /// Risk told as long over: outgrown, recovered from, years clean. The one frame in which the sentence model's reading is set
    /// aside as well (it hears "I was suicidal at fifteen" as "I am suicidal"), so it is narrower than <see cref="Distance"/>:
    /// a past that is about the risk itself, and not when the person brings it into the present (<see cref="Present"/>,
    /// <see cref="Reaffirm"/>). "I used to be happy" is not here: that is how people say things are bad now.
    /// </summary>
    public static readonly string[] Past =
    [
        "used_to * cut|self_harm|harm_myself|hurt_myself|be_suicidal|feel_suicidal|want_to_die|think_about_suicide|think_about_dying|have_suicidal|attempt",
        "years|year|months|decade|a_long_time|ages * ago",
        "years|year|months|weeks|days * clean|free|sober|without",
        "clean|free * from * cutting|self_harm|self_harming|sh|hurting_myself",
        "back_then|in_the_past|when_i_was_younger|as_a_teen|as_a_teenager|as_a_kid|in_my_teens|in_my_twenties|back_in_school|back_in_the_day|back_in_college|back_in_uni|that_time_in_my_life",
        "when_i_was|at_age|aged * 11|12|13|14|15|16|17|18|19|20|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|little|a_kid|a_teen|younger",
        "recovered_from|recovering_from|in_recovery|harm_free|self_harm_free|clean_for|clean_since|days_clean|days_free|weeks_free|months_free|years_free|free_since|free_for|relapse_free|since_my_attempt|after_my_attempt|survived_my_attempt|survived_an_attempt|attempt_survivor|behind_me|therapy_helped|meds_helped|medication_helped|old_scars",
        "no_longer|not_anymore|stopped_being|stopped_feeling|quit * suicidal|self_harming|cutting|harming_myself|hurting_myself|feel_that_way|have_those_thoughts|having_those_thoughts",
    ];

    /// <summary>
    /// Words that bring a past risk into the present ("I was clean for a year but the urges are back tonight"). A
    /// <see cref="Past"/> frame with one of these distances nothing, and a model hit beside it stands.
    /// </summary>
    public static readonly string[] Present =
    [
        "again|another_attempt|another_one|right_now|tonight|lately|recently|this_week|this_month|creeping|back_there|back_to_that|next_one|next_time|nothing_has_changed|nothing_changed|exactly_the_same|the_same_way|still_want|still_feel|still_think|still_have_those|planning_it|planning_to|plan_to|but_i_want|but_i_really_want|but_lately|but_tonight|but_the_thoughts|but_the_urges|but_the_urge|cant_stop|urge_is|urges_are|miss_it|miss_cutting|i_relapsed|just_relapsed|had_a_relapse|start_again|starting_to|tempted|keep_thinking|keep_feeling|thinking_about_it",
    ];

    /// <summary>
    /// A distancing frame taken back: the question answered yes, the denial admitted as a lie, the past come back, the
    /// story recognised as one's own. The sentence model hears the frame and not the turn, so the lexicon must.
    /// </summary>
    public static readonly string[] Reaffirm =
    [
        "said|answered|told_them|told_her|told_him|admited * yes",
        "i lied|i_was_lying|wasnt_honest|wasnt_truthful",
        "re: but (?:im|i do|i stil|i realy am|im realy|i actualy am|i actualy do) $",
        "but i am|im * again|stil|lately|these_days",
        "but i am|im now",
        // A denial or a clinician's view, then the person's own present: "I'm not suicidal but I've been thinking about how I'd
        // do it", "the nurse said I'm low risk but I've written my note", "the form asked if I had a plan and honestly I do".
        "but * ive_been|ive|i_keep|i_have|ive_got|im|i_am * thinking_about_how|planning|picked|written|how_i_would|how_id|ways_to",
        "but * i_have|ive_got|ive * the_pills|pills|a_plan|my_note|a_note|a_rope|the_rope|a_date|a_method",
        "but * ive_been|im|i_keep|i_am * thinking * how_i_would|how_id|how_to|about_how|about_doing_it|ways_to",
        "re: and (?:honestly |truthfully |actualy |yes )?i (?:do|am|have) $",
        "but i am|im suicidal|cuting|self_harming|struggling|in_danger * now",
        "its|theyre|the_thoughts|the_urges|the_feelings|it_al|everything * back|coming_back|came_back|returning|returned",
        "back again|started_again|al_over_again|starting_again",
        "i|ive|just|have * relapsed",
        "described|describes|describing|is_about|was_about|sounds_like * me|my_life|how_i_feel",
        // A secret kept from them is one's own: "my mum doesn't know I've been cutting".
        // So is a wish to follow the dead: "since he died I want to follow him".
        FollowTheDead,
        "join|follow|be_with * " + Loved + " * wherever|on_the_other_side|in_heaven|up_there",
        "doesnt|dont|didnt|wouldnt|cant|never * know|realize|realise|notice|noticed|find_out|understand * i|im|ive|id|that_i",
        "no_one|nobody|noone * knows|knew|noticed|notices * i|im|ive|that_i|about_my|about_me",
    ];

    /// <summary>
    /// The part of <see cref="FirstPerson"/> with "I" in it: said of oneself even inside a frame ("that film made me realise I
    /// want to die too", "my friend asked and I told her I want to kill myself"), which is then asked about, never left to
    /// the model. "She's been feeling suicidal" is not.
    /// </summary>
    public static readonly string[] SaidOfMyself =
    [
        "im|i_am|i_feel|i_fel|ive_been|i_have_been|im_feeling|i_am_feeling|i_think_im|i_keep_feeling|i_get|i_got suicidal",
        "i|i_just|i_realy|i_honestly|i_actualy|i_genuinely|i_stil|i_kinda|i_literaly|i_seriously|i_truly|i_so|i_only|i_just_realy want|need to die|be_dead|kil_myself|end_my_life|end_it_al|not_be_alive|not_exist",
        "im|i_am|im_realy|im_actualy|im_seriously|im_just going_to|about_to|planing_to|ready_to kil_myself|end_my_life|end_it_al|die",
        "i|ive|i_have|i_just|i_keep|ive_been|i_was|i_started|i_stil|i_ended_up|i_cant_stop cut|cuting|hurt|hurting|burned|burnt|burning|harmed|harming|hit|hiting|punched|punching|scratched|scratching|starved|starving|cutting|cuts|hurts|burns myself",
    ];

    /// <summary>
    /// A person saying it of themselves, now: "I feel suicidal", "I just want to die", "I've been hurting myself". Only
    /// intensifiers may stand between the subject and the risk words (no "not", no "didn't"), so a denial never matches.
    /// Such a statement is never dropped on the model's word: MiniLM hears "I'm suicidal" and "I'm not suicidal" alike.
    /// </summary>
    public static readonly string[] FirstPerson =
    [
        .. SaidOfMyself,
        "feeling|felt|been suicidal",
        "im|i_am|i_feel|ive_been|i_have_been|im_feeling|i_think_im|feeling|been so|realy|very|kinda|kind_of|pretty|actualy|genuinely|honestly|just|stil|getting|a_bit|a_litle|quite|super|extremely|fucking|deeply|seriously|lowkey|low_key|ngl|again suicidal",
        "im|i_am|i_feel|ive_been|im_feeling|feeling|been so|realy|very|kinda|pretty|actualy|genuinely|honestly|just|stil|getting|a_bit|quite|super|extremely|fucking|deeply|seriously|lowkey so|realy|very|kinda|pretty|actualy|fucking|suicidal suicidal",
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
