using Bot.Core.Messaging;
using Microsoft.Extensions.Options;

namespace Bot.Host.Delivery;

/// <summary>
/// The inbound half of the loopback sink, for tests and benchmarks only: POST /loopback/inbound turns a JSON
/// message into an InboundMessage for the real handler. Mapped only when LoopbackPlatform:Url is set, and only
/// answers requests from the loopback interface.
/// </summary>
public static class LoopbackInboundEndpoint
{
    public sealed record LoopbackInbound(string ChatId, string UserId, string MessageId, string? Text, string? ChoiceId);

    public static WebApplication MapLoopbackInboundIfConfigured(this WebApplication app)
    {
        var options = app.Configuration.GetSection(LoopbackPlatformOptions.SectionName).Get<LoopbackPlatformOptions>();
        if (options is null || string.IsNullOrWhiteSpace(options.Url))
        {
            return app;
        }

        app.MapPost("/loopback/inbound", async (LoopbackInbound inbound, HttpContext http, IInboundMessageHandler handler, TimeProvider clock) =>
        {
            if (http.Connection.RemoteIpAddress is not { } remote || !System.Net.IPAddress.IsLoopback(remote))
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }

            var message = new InboundMessage(
                new ChatAddress(options.Platform, inbound.ChatId), inbound.UserId, inbound.MessageId, clock.GetUtcNow(), inbound.Text, inbound.ChoiceId);
            var outcome = await handler.HandleAsync(message, http.RequestAborted);
            return Results.Ok(new { outcome = outcome.ToString() });
        });
        return app;
    }
}
