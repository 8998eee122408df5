namespace Bot.Core.Messaging;

public enum Platform
{
    Terminal = 0,
    Telegram = 1,
    Discord = 2,
}
