namespace Bot.Core.Messaging;

public enum ChatKind
{
    Private = 0,
    Group = 1,
}
