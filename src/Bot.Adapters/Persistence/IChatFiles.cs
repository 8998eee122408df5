using Bot.Core.Messaging;

namespace Bot.Adapters.Persistence;

/// <summary>
/// Files a platform keeps outside the store for a person's chats (the terminal's exports and charts). When a person is
/// forgotten, the store hands over their chats once the rows are gone, and the files go too.
/// </summary>
public interface IChatFiles
{
    void Erase(IReadOnlyList<ChatAddress> chats);
}
