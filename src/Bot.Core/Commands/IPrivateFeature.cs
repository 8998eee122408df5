namespace Bot.Core.Commands;

/// <summary>A feature whose answers are personal: asked for in a shared channel, it answers the person in private.</summary>
public interface IPrivateFeature
{
    bool AnswersPrivately(CommandInput input);
}
