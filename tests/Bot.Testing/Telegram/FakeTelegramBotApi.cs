using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bot.Testing.Telegram;

/// <summary>
/// A small Telegram Bot API on loopback: serves POST /bot{token}/{method} at its root, keeps an update queue with
/// Telegram's confirmation-by-offset semantics and long polling, records every call, and plays scripted faults.
/// </summary>
public sealed class FakeTelegramBotApi : IAsyncDisposable
{
    public const string Token = "123456:TEST-token_ABCdefghijklmnopqrstuvwxyz";
    public const long BotId = 123456;
    public const string BotUsername = "CompassionTestBot";

    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly object _gate = new();
    /// <summary>Kept as text, as Telegram sends it: an update may hold JSON .NET cannot re-serialize (a lone surrogate escape).</summary>
    private readonly List<(long Id, string Json)> _pending = [];
    private readonly ConcurrentQueue<FakeCall> _calls = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Fault>> _faults = new(StringComparer.OrdinalIgnoreCase);
    private readonly SemaphoreSlim _updateArrived = new(0);
    private int _nextMessageId = 1000;
    private int _activePolls;

    public FakeTelegramBotApi()
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            _listener.Prefixes.Clear();
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                _listener.Start();
                BaseUrl = $"http://127.0.0.1:{port}";
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
            }
        }

        _loop = Task.Run(AcceptLoopAsync);
    }

    public string BaseUrl { get; }

    public IReadOnlyList<FakeCall> Calls => [.. _calls];

    /// <summary>Raised for every request as it arrives (on the request's thread), for measurements that cannot poll.</summary>
    public event Action<FakeCall>? Received;

    public IReadOnlyList<FakeCall> CallsTo(string method) => Calls.Where(c => c.Method.Equals(method, StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>The highest offset getUpdates has been called with: every update below it is confirmed.</summary>
    public long ConfirmedOffset { get; private set; }

    /// <summary>True if two getUpdates long polls were ever open at the same time.</summary>
    public bool SawConcurrentPolls { get; private set; }

    public void Enqueue(JsonObject update) => Enqueue(update.ToJsonString());

    public void Enqueue(string updateJson)
    {
        using var parsed = JsonDocument.Parse(updateJson);
        var id = parsed.RootElement.GetProperty("update_id").GetInt64();
        lock (_gate)
        {
            _pending.Add((id, updateJson));
        }

        _updateArrived.Release();
    }

    /// <summary>The next call to <paramref name="method"/> answers with this HTTP status and Bot API error.</summary>
    public void FailNext(string method, int errorCode, string description, int? retryAfter = null) =>
        Faults(method).Enqueue(new Fault(errorCode, description, retryAfter, TimeSpan.Zero));

    /// <summary>User ids getChatMember reports as group administrators.</summary>
    public ConcurrentDictionary<long, bool> AdminIds { get; } = new();

    private ICollection<long> Admins => AdminIds.Keys;

    public void ClearFaults() => _faults.Clear();

    private long _rejectConfirmationsFrom = long.MaxValue;

    /// <summary>getUpdates calls that would confirm updates at or above <paramref name="offset"/> answer 502 until allowed.</summary>
    public void RejectConfirmationsFrom(long offset) => Interlocked.Exchange(ref _rejectConfirmationsFrom, offset);

    public void AllowConfirmations() => Interlocked.Exchange(ref _rejectConfirmationsFrom, long.MaxValue);

    /// <summary>The next call to <paramref name="method"/> waits this long before answering normally.</summary>
    public void DelayNext(string method, TimeSpan delay) => Faults(method).Enqueue(new Fault(0, "", null, delay));

    public async ValueTask DisposeAsync()
    {
        await AcceptLoop.StopAsync(_stop, _listener.Stop, _loop);
        _listener.Close();
    }

    private ConcurrentQueue<Fault> Faults(string method) => _faults.GetOrAdd(method, _ => new ConcurrentQueue<Fault>());

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(context));
        }
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        try
        {
            var path = context.Request.Url!.AbsolutePath;
            string body;
            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
            {
                body = await reader.ReadToEndAsync();
            }

            var prefix = $"/bot{Token}/";
            if (context.Request.HttpMethod != "POST" || !path.StartsWith(prefix, StringComparison.Ordinal))
            {
                await RespondAsync(context, 401, Error(401, "Unauthorized", null));
                return;
            }

            var method = path[prefix.Length..];
            var json = context.Request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true
                ? FromMultipart(body)
                : string.IsNullOrWhiteSpace(body) ? new JsonObject() : JsonNode.Parse(body)!.AsObject();
            var call = new FakeCall(method, json);
            _calls.Enqueue(call);
            Received?.Invoke(call);

            if (Faults(method).TryDequeue(out var fault))
            {
                if (fault.Delay > TimeSpan.Zero)
                {
                    await Task.Delay(fault.Delay, _stop.Token);
                }
                else
                {
                    await RespondAsync(context, fault.ErrorCode, Error(fault.ErrorCode, fault.Description, fault.RetryAfter));
                    return;
                }
            }

            if (method == "getUpdates" && Long(json["offset"]) >= Interlocked.Read(ref _rejectConfirmationsFrom))
            {
                await RespondAsync(context, 502, Error(502, "Bad Gateway", null));
                return;
            }

            JsonNode result;
            try
            {
                if (method == "getUpdates")
                {
                    await RespondAsync(context, 200, $"{{\"ok\":true,\"result\":{await GetUpdatesAsync(json)}}}");
                    return;
                }

                result = await ResultAsync(method, json);
            }
            catch (ConflictException)
            {
                await RespondAsync(context, 409, Error(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running", null));
                return;
            }

            await RespondAsync(context, 200, new JsonObject { ["ok"] = true, ["result"] = result });
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
        }
        catch (HttpListenerException)
        {
            // The client gave up (a timed-out request); nothing to answer.
        }
        catch (ObjectDisposedException)
        {
        }
        catch (Exception ex)
        {
            // A bug in the fake must fail loudly, not hang a test.
            Errors.Enqueue(ex);
            try
            {
                await RespondAsync(context, 500, Error(500, "fake failed: " + ex.Message, null));
            }
            catch (Exception)
            {
            }
        }
    }

    /// <summary>Exceptions inside the fake itself; tests assert this stays empty.</summary>
    public ConcurrentQueue<Exception> Errors { get; } = new();

    /// <summary>Numbers parsed from JSON or built in code alike.</summary>
    public static long Long(JsonNode? node) =>
        node is null ? 0 : long.Parse(node.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);

    private async Task<JsonNode> ResultAsync(string method, JsonObject json) => method switch
    {
        "getMe" => new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "CompassionBot", ["username"] = BotUsername },
        "sendMessage" => SentMessage(json),
        "editMessageReplyMarkup" => SentMessage(json),
        "sendDocument" or "sendPhoto" => SentMessage(json),
        "getChatMember" => new JsonObject
        {
            ["status"] = Admins.Contains(Long(json["user_id"])) ? "administrator" : "member",
            ["user"] = new JsonObject { ["id"] = Long(json["user_id"]), ["is_bot"] = false, ["first_name"] = "Member" },
        },
        _ => true,
    };

    /// <summary>The answer's result array, as JSON text.</summary>
    private async Task<string> GetUpdatesAsync(JsonObject request)
    {
        if (Interlocked.Increment(ref _activePolls) > 1)
        {
            // Telegram allows one getUpdates per token at a time.
            SawConcurrentPolls = true;
            Interlocked.Decrement(ref _activePolls);
            throw new ConflictException();
        }

        try
        {
            var offset = Long(request["offset"]);

            // Like Telegram: at most `limit` updates (1-100, default 100) per answer.
            var limit = request["limit"] is null ? 100 : (int)Math.Clamp(Long(request["limit"]), 1, 100);
            var timeout = TimeSpan.FromSeconds(Long(request["timeout"]));
            var deadline = DateTime.UtcNow + timeout;
            while (true)
            {
                List<string> ready;
                lock (_gate)
                {
                    if (offset > ConfirmedOffset)
                    {
                        ConfirmedOffset = offset;
                        _pending.RemoveAll(u => u.Id < offset);
                    }

                    ready = [.. _pending.Where(u => u.Id >= offset).Take(limit).Select(u => u.Json)];
                }

                var left = deadline - DateTime.UtcNow;
                if (ready.Count > 0 || left <= TimeSpan.Zero)
                {
                    return "[" + string.Join(',', ready) + "]";
                }

                await _updateArrived.WaitAsync(left, _stop.Token);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _activePolls);
        }
    }

    private JsonObject SentMessage(JsonObject request)
    {
        var chatId = Long(request["chat_id"]);
        var message = new JsonObject
        {
            ["message_id"] = request["message_id"] is { } id ? Long(id) : Interlocked.Increment(ref _nextMessageId),
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = chatId > 0 ? "private" : "group" },
            ["from"] = new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "CompassionBot" },
            ["text"] = request["text"]?.GetValue<string>() ?? "",
        };
        if (request["reply_markup"] is { } markup)
        {
            message["reply_markup"] = markup.DeepClone();
        }

        return message;
    }

    /// <summary>Uploads arrive as multipart/form-data: keep chat_id, the file name and the file's text.</summary>
    private static JsonObject FromMultipart(string body)
    {
        var chatId = System.Text.RegularExpressions.Regex.Match(body, "name=\"?chat_id\"?[^\r\n]*\r\n(?:[^\r\n]+\r\n)*\r\n(-?\\d+)");
        var file = System.Text.RegularExpressions.Regex.Match(body, "filename=\"?([^\";\r\n]+)\"?[^\r\n]*\r\n(?:[^\r\n]+\r\n)*\r\n([^\r]*)");
        return new JsonObject
        {
            ["chat_id"] = chatId.Success ? long.Parse(chatId.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0,
            ["file_name"] = file.Success ? file.Groups[1].Value : null,
            ["file_text"] = file.Success ? file.Groups[2].Value : null,
        };
    }

    private static JsonObject Error(int code, string description, int? retryAfter)
    {
        var error = new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description };
        if (retryAfter is { } seconds)
        {
            error["parameters"] = new JsonObject { ["retry_after"] = seconds };
        }

        return error;
    }

    private static Task RespondAsync(HttpListenerContext context, int status, JsonNode payload) =>
        RespondAsync(context, status, payload.ToJsonString());

    private static async Task RespondAsync(HttpListenerContext context, int status, string payload)
    {
        var bytes = Encoding.UTF8.GetBytes(payload);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    private sealed class ConflictException : Exception;

    private sealed record Fault(int ErrorCode, string Description, int? RetryAfter, TimeSpan Delay);
}
