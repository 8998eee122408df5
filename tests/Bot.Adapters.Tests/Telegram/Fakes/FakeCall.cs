using System.Text.Json.Nodes;

namespace Bot.Adapters.Tests.Telegram.Fakes;

/// <summary>One Bot API request as the fake received it: the method name and the JSON body.</summary>
public sealed record FakeCall(string Method, JsonObject Body);
