using System.Text;
using Bot.Core.Commands;
using Bot.Core.Messaging;
using Bot.Core.People;
using Bot.Core.Persistence;
using Bot.Core.Replies;
using Bot.Core.Safety;

namespace Bot.Core.Conversations;

/// <summary>Pure: from what is stored and what happened, to what must be written. Shared by replies and scheduled check-ins.</summary>
public sealed class TurnPlanner(ReplyCatalog catalog)
{
    private readonly CrisisLineDirectory _lines = CrisisLineDirectory.Default;

    public TurnDecision Plan(TurnContext context, Signal signal, DateTimeOffset now, DeliveryLane lane)
    {
        var turn = CheckInEngine.Advance(context.Conversation, signal, now, countryKnown: _lines.Find(context.Person.Country) is not null);
        var person = ApplyToPerson(context.Person, turn.Effects);
        var (messages, memory) = Render(context, person, turn.Say, now);

        return new TurnDecision(
            person,
            turn.Next,
            memory,
            HistoryOf(turn.Effects, now),
            messages,
            lane,
            ScheduleChangeOf(turn.Effects),
            CheckInsOf(turn.Effects))
        {
            Writes = turn.Effects.Any(e => e is Effect.FollowUpStep) ? [new RequestStepFollowUp()] : [],
        };
    }

    /// <summary>Says replies outside the flow (for a feature's own turn), remembering the variants as any turn does.</summary>
    public (IReadOnlyList<OutboundMessage> Messages, ReplyMemory Memory) Say(TurnContext context, IReadOnlyList<ReplyKey> keys, DateTimeOffset now) =>
        Render(context, context.Person, keys.Select(k => new Utterance(k)).ToArray(), now);

    private static PersonProfile ApplyToPerson(PersonProfile person, IReadOnlyList<Effect> effects)
    {
        foreach (var effect in effects)
        {
            person = effect switch
            {
                Effect.SetTimeZone zone => person with { TimeZone = zone.TimeZoneId },
                Effect.SetCountry country => person with { Country = country.CountryCode },
                _ => person,
            };
        }

        return person;
    }

    private static HistoryEntry[] HistoryOf(IReadOnlyList<Effect> effects, DateTimeOffset now)
    {
        var count = 0;
        foreach (var effect in effects)
        {
            if (effect is Effect.RecordHistory)
            {
                count++;
            }
        }

        if (count == 0)
        {
            return [];
        }

        var entries = new HistoryEntry[count];
        var i = 0;
        foreach (var effect in effects)
        {
            if (effect is Effect.RecordHistory h)
            {
                entries[i++] = new HistoryEntry(h.Kind, h.Value, h.FreeText, now);
            }
        }

        return entries;
    }

    private (IReadOnlyList<OutboundMessage> Messages, ReplyMemory Memory) Render(
        TurnContext context, PersonProfile person, IReadOnlyList<Utterance> say, DateTimeOffset now)
    {
        if (say.Count == 0)
        {
            return ([], context.Replies);
        }

        var memory = context.Replies;
        var messages = new OutboundMessage[say.Count];
        // Deterministic (Guid and long hashes are not randomised per process), so a replayed turn says the same words.
        var seed = person.Id.GetHashCode() ^ now.UtcTicks.GetHashCode();
        for (var i = 0; i < say.Count; i++)
        {
            var utterance = say[i];
            (var text, memory) = catalog.Pick(utterance.Key, memory, seed + i, now);
            messages[i] = new OutboundMessage(context.Chat, Fill(text, utterance, person), ChoicesFor(utterance));
        }

        return (messages, memory);
    }

    private IReadOnlyList<ReplyChoice> ChoicesFor(Utterance utterance)
    {
        if (utterance.Choices is { } ids)
        {
            var choices = new ReplyChoice[ids.Count];
            for (var i = 0; i < ids.Count; i++)
            {
                choices[i] = new ReplyChoice(ids[i], catalog.Label(ids[i]) ?? ids[i]);
            }

            return choices;
        }

        return catalog[utterance.ChoicesOf ?? utterance.Key].Choices;
    }

    /// <summary>Fills {word}, {lines}, {line}, {emergency}, {country} and {commands}; crisis lines come from the person's country.</summary>
    private string Fill(string text, Utterance utterance, PersonProfile person)
    {
        if (!text.Contains('{', StringComparison.Ordinal))
        {
            return text;
        }

        var country = _lines.Find(person.Country);
        if (text.Contains("{word}", StringComparison.Ordinal))
        {
            var word = utterance.Word is null ? "" : catalog.Label(utterance.Word) ?? utterance.Word;
            text = text.Replace("{word}", text.StartsWith("{word}", StringComparison.Ordinal) ? Capitalise(word) : word, StringComparison.Ordinal);
        }

        if (text.Contains("{lines}", StringComparison.Ordinal))
        {
            text = text.Replace("{lines}", LinesFor(country), StringComparison.Ordinal);
        }

        if (text.Contains("{line}", StringComparison.Ordinal))
        {
            var line = country is { Lines.Count: > 0 } && country.Lines[0] is { } primary ? $"{primary.Name} ({primary.Contact})" : Label("crisis:unknown-line");
            text = text.Replace("{line}", line, StringComparison.Ordinal);
        }

        if (text.Contains("{emergency}", StringComparison.Ordinal))
        {
            text = text.Replace("{emergency}", country?.Emergency ?? Label("crisis:unknown-emergency"), StringComparison.Ordinal);
        }

        if (text.Contains("{country}", StringComparison.Ordinal))
        {
            text = text.Replace("{country}", country?.Name ?? person.Country ?? "", StringComparison.Ordinal);
        }

        if (text.Contains("{commands}", StringComparison.Ordinal))
        {
            text = text.Replace("{commands}", CommandCatalog.English.HelpList(), StringComparison.Ordinal);
        }

        return text;
    }

    private string LinesFor(CrisisCountry? country)
    {
        var builder = new StringBuilder();
        if (country is null)
        {
            builder.Append("• ").Append(Label("crisis:unknown-line")).Append('\n');
            builder.Append("• ").Append(Label("crisis:emergency")).Append(": ").Append(Label("crisis:unknown-emergency"));
            return builder.ToString();
        }

        // One primary line, the emergency number and the directory: never a long list (content guide §5.4).
        foreach (var line in country.Lines.Take(1))
        {
            builder.Append("• ").Append(line.Name).Append(": ").Append(line.Contact).Append('\n');
        }

        builder.Append("• ").Append(Label("crisis:emergency")).Append(": ").Append(country.Emergency ?? Label("crisis:unknown-emergency")).Append('\n');
        builder.Append("• ").Append(Label("crisis:elsewhere")).Append(": ").Append(_lines.Fallback.Contact);
        return builder.ToString();
    }

    private string Label(string id) => catalog.Label(id) ?? id;

    private static string Capitalise(string word) =>
        word.Length == 0 || char.IsUpper(word[0]) ? word : char.ToUpperInvariant(word[0]) + word[1..];

    private static ScheduleChange ScheduleChangeOf(IReadOnlyList<Effect> effects) =>
        effects.Any(e => e is Effect.PauseCheckIns) ? ScheduleChange.Pause
        : effects.Any(e => e is Effect.ResumeCheckIns) ? ScheduleChange.Resume
        : ScheduleChange.None;

    private static CheckInPreference? CheckInsOf(IReadOnlyList<Effect> effects)
    {
        CheckInPreference? preference = null;
        foreach (var effect in effects)
        {
            if (effect is Effect.SetCheckIns set)
            {
                preference = new CheckInPreference(set.Wanted, set.LocalTime);
            }
        }

        return preference;
    }
}
