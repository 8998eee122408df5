namespace Bot.Core.Safety;

/// <summary>How close the closest chunk of a message came to a risk prototype and to a safe one.</summary>
public readonly record struct SemanticVerdict(bool Hit, float Risk, float Safe, string? Category);
