namespace Bot.Core.History;

/// <summary>A phrase the person would say to a friend, kept with their consent to be offered back later.</summary>
public sealed record OwnWords(long Id, string Phrase, DateTimeOffset KeptAt);
