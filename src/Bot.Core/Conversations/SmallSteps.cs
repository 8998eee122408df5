namespace Bot.Core.Conversations;

/// <summary>Tiny steps (one to five minutes), offered about three at a time to fit the mood; rest and "my own" are always there.</summary>
public static class SmallSteps
{
    public const string Rest = "step:rest";

    public const string Own = "step:own";

    public static readonly IReadOnlyDictionary<string, string[]> ByMood = new Dictionary<string, string[]>
    {
        ["heavy"] = ["step:water", "step:window", "step:breaths", "step:eat", "step:feeling"],
        ["tired"] = ["step:water", "step:stretch", "step:eat", "step:window", "step:breaths"],
        ["okay"] = ["step:sentence", "step:shoes", "step:tidy-one", "step:water", "step:text-friend"],
        ["steady"] = ["step:laptop", "step:walk", "step:text-friend", "step:sentence", "step:tidy-one"],
        ["bright"] = ["step:walk", "step:text-friend", "step:sentence", "step:laptop", "step:outside"],
        ["own-words"] = ["step:water", "step:stretch", "step:sentence", "step:window", "step:shoes"],
    };

    /// <summary>Every step id, for the catalog and classifier tests.</summary>
    public static IEnumerable<string> All =>
        ByMood.Values.SelectMany(s => s).Append(Rest).Append(Own).Distinct();

    /// <summary>Three steps for the mood, rotating with each check-in so the menu does not go stale.</summary>
    public static string[] Offer(string? mood, int checkInCount)
    {
        var pool = ByMood.GetValueOrDefault(mood ?? "own-words", ByMood["own-words"]);
        var offer = new string[3];
        for (var i = 0; i < offer.Length; i++)
        {
            offer[i] = pool[(checkInCount + i) % pool.Length];
        }

        return offer;
    }

    /// <summary>The buttons under the small-step question: three steps, my own, rest counts, not today.</summary>
    public static string[] Buttons(string[] offered) => [.. offered, Own, Rest, "not-today"];
}
