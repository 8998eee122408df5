namespace Bot.Adapters.Discord;

/// <summary>How the adapter answers an interaction itself (the person's real reply comes through the outbox as a DM).</summary>
public enum DiscordAnswer
{
    /// <summary>A personal button: take the buttons off the message so it cannot be pressed twice.</summary>
    RemoveButtons = 0,
    ButtonExpired = 1,
    AnsweredInDirectMessages = 2,
    AnsweredBelow = 3,
    CommunityOkay = 5,
    CommunitySetupOnlyInServers = 6,

    /// <summary>/community: the answer goes to the channel the command is about, which may not be this one.</summary>
    AnsweredInCommunityChannel = 7,
}
