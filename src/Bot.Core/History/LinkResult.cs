using Bot.Core.People;

namespace Bot.Core.History;

/// <param name="Absorbed">The profile of the account that was joined in, so its settings can fill gaps in the redeemer's.</param>
public sealed record LinkResult(LinkOutcome Outcome, PersonProfile? Absorbed = null);
