using Bot.Core.Replies;

namespace Bot.Core.Conversations;

/// <summary>Collects one turn while the engine applies a row. Internal scratch space, never stored.</summary>
internal sealed class TurnBuilder(Conversation before, Signal.UserSaid said, DateTimeOffset now, bool countryKnown)
{
    public Conversation Before { get; } = before;

    public Conversation Next { get; set; } = before;

    public Signal.UserSaid Said { get; } = said;

    public DateTimeOffset Now { get; } = now;

    public bool CountryKnown { get; } = countryKnown;

    public List<Utterance> Utterances { get; } = new(4);

    public List<Effect> Effects { get; } = [];

    public void Say(ReplyKey key, string? word = null) => Utterances.Add(new Utterance(key, word));

    /// <summary>Says the row's replies. A grounding offer names the exercise it offers, chosen now.</summary>
    public void SayRow(FlowRow row, string? word = null)
    {
        foreach (var key in row.Say)
        {
            if (key is ReplyKey.OfferGrounding or ReplyKey.OfferGroundingSmaller)
            {
                var planned = GroundingScripts.Choose(Next with { Exercise = GroundingExercise.None });
                Next = Next with { Exercise = planned };
                Say(key, "ex:" + GroundingScripts.Code(planned));
            }
            else if (key == ReplyKey.AllSet && Before.LastCheckInAt is { } last && Now - last < CheckInEngine.StaleCheckIn)
            {
                // Set up right after a check-in: no offer of another one now.
                Say(ReplyKey.AllSetAfterCheckIn, word);
            }
            else
            {
                Say(key, word);
            }
        }
    }

    public void History(string kind, string value, string? freeText = null) =>
        Effects.Add(new Effect.RecordHistory(kind, value, freeText));

    public Turn Build() => new(Next, Utterances, Effects);
}
