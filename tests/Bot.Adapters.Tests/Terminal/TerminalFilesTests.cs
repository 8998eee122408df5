using Bot.Adapters.Persistence;
using Bot.Adapters.Terminal;
using Bot.Core.Messaging;

namespace Bot.Adapters.Tests.Terminal;

public sealed class TerminalFilesTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"cb-files-{Guid.NewGuid():N}");
    private static readonly ChatAddress River = new(Platform.Terminal, "river");
    private static readonly ChatAddress Sam = new(Platform.Terminal, "sam");
    private static readonly OutboundAttachment Export = new("compassionbot-export-2026-11-23.json", "application/json", "{}"u8.ToArray());

    [Fact]
    public async Task EveryMessage_GetsItsOwnFile_EvenWhenOutboxIdsShareTheirFirstDigits()
    {
        var platform = new TerminalChatPlatform(new TerminalSession("river", TextWriter.Null), Files());

        await platform.SendAsync(new OutboundMessage(River, "yours", []) { Attachment = Export with { Content = "1"u8.ToArray() } }, "outbox-100", CancellationToken.None);
        await platform.SendAsync(new OutboundMessage(River, "yours", []) { Attachment = Export with { Content = "2"u8.ToArray() } }, "outbox-101", CancellationToken.None);

        var written = Directory.GetFiles(Path.Combine(_folder, "files"), "*.json");
        Assert.Equal(["1", "2"], written.Select(File.ReadAllText).Order());
    }

    [Fact]
    public async Task TheToken_IsTheSameForOnePerson_DiffersBetweenPeople_AndNamesNoOne()
    {
        var files = Files();
        var first = await files.SaveAsync(River, Export, "outbox-1", CancellationToken.None);
        var second = await files.SaveAsync(River, Export, "outbox-2", CancellationToken.None);
        var other = await files.SaveAsync(Sam, Export, "outbox-3", CancellationToken.None);

        Assert.Contains(files.TokenOf(River), Path.GetFileName(first), StringComparison.Ordinal);
        Assert.Contains(files.TokenOf(River), Path.GetFileName(second), StringComparison.Ordinal);
        Assert.DoesNotContain(files.TokenOf(River), Path.GetFileName(other), StringComparison.Ordinal);
        Assert.Equal(files.TokenOf(River), Files().TokenOf(River));
        Assert.DoesNotContain("river", first, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Erase_RemovesOnlyThatPersonsFiles()
    {
        var files = Files();
        var river = await files.SaveAsync(River, Export, "outbox-1", CancellationToken.None);
        var sam = await files.SaveAsync(Sam, Export, "outbox-2", CancellationToken.None);

        files.Erase([River, new ChatAddress(Platform.Telegram, "river")]);

        Assert.False(File.Exists(river));
        Assert.True(File.Exists(sam));
    }

    private TerminalFiles Files() => new(new StoreSettings(StoreProvider.Sqlite, "", "") { DataDirectory = _folder });

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
