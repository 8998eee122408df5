using Bot.Core.Replies;

namespace Bot.Core.Conversations;

/// <summary>One thing the bot says, by key; the copy lives in the reply catalog.</summary>
/// <param name="Word">Fills {word} in the copy: a choice id (shown by its label) or a short code.</param>
/// <param name="Choices">Buttons for this message when they depend on the person (small steps); null for the copy's own.</param>
/// <param name="ChoicesOf">Borrow the buttons of another key (a re-ask shows the question's buttons again).</param>
public sealed record Utterance(ReplyKey Key, string? Word = null, IReadOnlyList<string>? Choices = null, ReplyKey? ChoicesOf = null);
