using System.Threading.Channels;
using Bot.Core.Messaging;

using Bot.Testing.Discord;

namespace Bot.Adapters.Tests.Discord.Fakes;

/// <summary>Stands in for Core: records each message (and the scope it was handled in); can be held to act slow.</summary>
internal sealed class RecordingInboundHandler(RecordingInboundHandler.Inbox inbox) : IInboundMessageHandler
{
    private readonly Guid _scope = Guid.NewGuid();

    public async Task<HandleOutcome> HandleAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        if (inbox.Hold is { } hold)
        {
            await hold.WaitAsync(cancellationToken);
        }

        inbox.Handled.Writer.TryWrite((message, _scope));
        return HandleOutcome.Handled;
    }

    internal sealed class Inbox
    {
        public Channel<(InboundMessage Message, Guid Scope)> Handled { get; } = Channel.CreateUnbounded<(InboundMessage, Guid)>();

        /// <summary>When set, every handling waits for it, like a slow database.</summary>
        public Task? Hold { get; set; }

        public async Task<(InboundMessage Message, Guid Scope)> NextAsync()
        {
            using var timeout = new CancellationTokenSource(FakeDiscordServer.Patience);
            return await Handled.Reader.ReadAsync(timeout.Token);
        }
    }
}
