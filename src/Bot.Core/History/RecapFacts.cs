namespace Bot.Core.History;

/// <summary>What someone showed up for in a week. Only things that happened; nothing that didn't.</summary>
public sealed record RecapFacts(int DaysShowedUp, int GroundingPauses, int SmallSteps, IReadOnlyList<string> Wins);
