namespace Bot.Core.Conversations;

public enum GroundingExercise
{
    None = 0,

    /// <summary>In 4, hold 4, out 6, three rounds.</summary>
    Breathing,

    /// <summary>In 4, out 6: for people who find the hold unpleasant.</summary>
    BreathingNoHold,

    /// <summary>Progressive muscle relaxation, toes up to the face, tense gently about 5 seconds and let go.</summary>
    MuscleRelaxation,

    /// <summary>A hand on the heart or arm (or a no-touch version), noticing warmth for three breaths.</summary>
    SoothingTouch,

    /// <summary>Naming what is here: "this is sadness", and it is okay to feel it.</summary>
    Naming,
}
