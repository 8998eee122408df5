namespace Bot.Core.SafetyPlan;

/// <summary>The six parts of the safety-planning model, in the order they are walked.</summary>
public enum SafetyPlanPart
{
    WarningSigns = 1,
    OnMyOwn = 2,
    PeopleAndPlaces = 3,
    PeopleToAsk = 4,
    Professionals = 5,
    SaferSurroundings = 6,
}
