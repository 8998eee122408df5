namespace Bot.Core.Safety;

/// <summary>The crisis screen's verdict, and whether only the model heard it (the lexicon found nothing it trusts).</summary>
public readonly record struct CrisisAssessment(RiskLevel Level, bool ModelAlone);
