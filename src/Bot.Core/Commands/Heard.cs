using Bot.Core.Messaging;

namespace Bot.Core.Commands;

/// <summary>What a row of <see cref="CommandRoutes"/> listens for: a command, a button, or anything from a shared channel.</summary>
public abstract record Heard
{
    public abstract bool Matches(CommandInput input);

    /// <summary>"/name ...", in any chat.</summary>
    public sealed record Command(string Name) : Heard
    {
        public override bool Matches(CommandInput input) => input.Name == Name;

        public override string ToString() => "/" + Name;
    }

    /// <summary>One button, optionally only in one kind of chat.</summary>
    public sealed record Choice(string Id, ChatKind? In = null) : Heard
    {
        public override bool Matches(CommandInput input) => input.ChoiceId == Id && (In is null || input.Kind == In);

        public override string ToString() => In is { } kind ? $"button {Id} ({kind.ToString().ToLowerInvariant()} chat)" : $"button {Id}";
    }

    /// <summary>Every button whose id starts with the prefix.</summary>
    public sealed record Choices(string Prefix) : Heard
    {
        public override bool Matches(CommandInput input) => input.ChoiceId?.StartsWith(Prefix, StringComparison.Ordinal) ?? false;

        public override string ToString() => $"buttons {Prefix}*";
    }

    /// <summary>Anything from a shared channel that reached the features (personal text there is never read).</summary>
    public sealed record AnyInGroup : Heard
    {
        public override bool Matches(CommandInput input) => input.Kind == ChatKind.Group;

        public override string ToString() => "anything else in a shared channel";
    }
}
