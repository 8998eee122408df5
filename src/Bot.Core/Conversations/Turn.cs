namespace Bot.Core.Conversations;

public sealed record Turn(Conversation Next, IReadOnlyList<Utterance> Say, IReadOnlyList<Effect> Effects);
