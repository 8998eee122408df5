using Bot.Core.Replies;
using static Bot.Core.Conversations.GroundingExercise;

namespace Bot.Core.Conversations;

/// <summary>The exercises, beat by beat (one chat-sized message per beat), and which one fits whom.</summary>
public static class GroundingScripts
{
    /// <summary>Each beat is one message; the person moves on with "next" at their own pace.</summary>
    public static readonly IReadOnlyDictionary<GroundingExercise, ReplyKey[]> Beats = new Dictionary<GroundingExercise, ReplyKey[]>
    {
        // In 4, hold 4, out 6; three rounds.
        [Breathing] = [ReplyKey.BreathIntro, ReplyKey.BreathRound, ReplyKey.BreathRound, ReplyKey.BreathRound],

        // In 4, out 6; for people who find holding the breath unpleasant.
        [BreathingNoHold] = [ReplyKey.BreathNoHoldIntro, ReplyKey.BreathNoHoldRound, ReplyKey.BreathNoHoldRound, ReplyKey.BreathNoHoldRound],

        // Toes up to the face: tense gently about 5 seconds, then let go.
        [MuscleRelaxation] = [ReplyKey.PmrIntro, ReplyKey.PmrToes, ReplyKey.PmrLegs, ReplyKey.PmrHands, ReplyKey.PmrShoulders, ReplyKey.PmrFace],

        // A hand on the heart or arm (or no touch at all), then three breaths of noticing.
        [SoothingTouch] = [ReplyKey.TouchIntro, ReplyKey.TouchBreaths],

        // "What's here?" The answer (a Feeling) ends the exercise with "this is {feeling}".
        [Naming] = [ReplyKey.NamingAsk],
    };

    /// <summary>First choice by mood; the rest follow in order. Skipped-before exercises move to the back.</summary>
    public static readonly IReadOnlyDictionary<string, GroundingExercise[]> ByMood = new Dictionary<string, GroundingExercise[]>
    {
        ["heavy"] = [SoothingTouch, Naming, Breathing, MuscleRelaxation],
        ["tired"] = [Breathing, SoothingTouch, Naming, MuscleRelaxation],
        ["okay"] = [Naming, Breathing, MuscleRelaxation, SoothingTouch],
        ["steady"] = [MuscleRelaxation, Breathing, Naming, SoothingTouch],
        ["bright"] = [Naming, MuscleRelaxation, Breathing, SoothingTouch],
        ["own-words"] = [Breathing, Naming, SoothingTouch, MuscleRelaxation],
    };

    /// <summary>Resistance changes the first choice: body-wary people get naming, numb people get the body, and so on.</summary>
    public static readonly IReadOnlyDictionary<ResistanceKind, GroundingExercise[]> ByResistance = new Dictionary<ResistanceKind, GroundingExercise[]>
    {
        [ResistanceKind.Numb] = [MuscleRelaxation, Breathing, Naming, SoothingTouch],
        [ResistanceKind.Awkward] = [Breathing, MuscleRelaxation, Naming, SoothingTouch],
        [ResistanceKind.BodyResists] = [Naming, BreathingNoHold, SoothingTouch, MuscleRelaxation],
        [ResistanceKind.FearOfFeeling] = [BreathingNoHold, MuscleRelaxation, Naming, SoothingTouch],
        [ResistanceKind.Critic] = [Naming, Breathing, SoothingTouch, MuscleRelaxation],
        [ResistanceKind.SelfLabel] = [Naming, SoothingTouch, Breathing, MuscleRelaxation],
        [ResistanceKind.Unworthy] = [Breathing, Naming, MuscleRelaxation, SoothingTouch],
        [ResistanceKind.Overwhelmed] = [Breathing, SoothingTouch, Naming, MuscleRelaxation],
    };

    /// <summary>History code for an exercise: breathing, breathing-no-hold, muscle-relaxation, soothing-touch, naming.</summary>
    public static string Code(GroundingExercise exercise) => exercise switch
    {
        Breathing => "breathing",
        BreathingNoHold => "breathing-no-hold",
        MuscleRelaxation => "muscle-relaxation",
        SoothingTouch => "soothing-touch",
        Naming => "naming",
        _ => "none",
    };

    /// <summary>The exercise to offer: by mood or resistance, without ones tried in this check-in, skipped-before ones last.</summary>
    public static GroundingExercise Choose(Conversation conversation)
    {
        var order = conversation.Resistance is { } kind && ByResistance.TryGetValue(kind, out var byResistance)
            ? byResistance
            : ByMood.GetValueOrDefault(conversation.Mood ?? "own-words", ByMood["own-words"]);

        var best = GroundingExercise.None;
        var bestRank = int.MaxValue;
        for (var i = 0; i < order.Length; i++)
        {
            var exercise = Adjust(order[i], conversation);
            if (Array.IndexOf(conversation.Tried, exercise) >= 0)
            {
                continue;
            }

            var skippedAt = Array.IndexOf(conversation.Skipped, exercise);
            var rank = skippedAt < 0 ? i : 100 - skippedAt + i;
            if (rank < bestRank)
            {
                best = exercise;
                bestRank = rank;
            }
        }

        return best == GroundingExercise.None ? Adjust(order[0], conversation) : best;
    }

    private static GroundingExercise Adjust(GroundingExercise exercise, Conversation conversation) =>
        exercise == Breathing && conversation.NoBreathHold ? BreathingNoHold : exercise;
}
