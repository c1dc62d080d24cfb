using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Pandapon.Sandbox.Data;

namespace Pandapon.Sandbox.Callbacks;

/// <summary>One message the sandbox pushed (or would have, without --callback-url), and what became of it.</summary>
internal sealed class PushedMessage
{
    public required int Sequence { get; init; }
    public required string Event { get; init; }
    public required string MessageType { get; init; }
    public required int Platform { get; init; }
    public required bool BodyAsString { get; init; }
    public int? RepeatOf { get; init; }
    public required byte[] Envelope { get; init; }
    public int Attempts { get; set; }
    /// <summary>pending (in flight or waiting for a re-push), acknowledged, failed (no 200 after every re-push), notSent (no URL).</summary>
    public string State { get; set; } = "pending";
    public int? LastStatus { get; set; }
    public string? LastError { get; set; }
    public double? AckMilliseconds { get; set; }
}

/// <summary>
/// Pushes messages as PandaPon does (docs/api-messages.md, "Delivery"): an HTTP POST of the envelope to the
/// --callback-url, acknowledged only by a 200 within 1,000 ms; otherwise pushed again after --callback-retry-seconds
/// (1800 by default, as PandaPon), at most 5 times. Every message is listed by GET /sandbox/messages.
/// Body forms alternate (even sequence numbers a string holding the JSON, odd ones the object), and so do timestamp
/// forms (a string, except every third a number), so every kind of message comes in both forms.
/// </summary>
internal sealed class MessagePusher : IMessagePusher, IDisposable
{
    public const int MaxRepushes = 5;
    public static readonly TimeSpan AckDeadline = TimeSpan.FromMilliseconds(1000);

    private readonly Uri? _callbackUrl;
    private readonly TimeSpan _retryDelay;
    private readonly HttpClient? _client;
    private readonly List<PushedMessage> _messages = [];
    private readonly object _gate = new();
    private readonly CancellationToken _stopping;

    public MessagePusher(Uri? callbackUrl, TimeSpan retryDelay, CancellationToken stopping)
    {
        _callbackUrl = callbackUrl;
        _retryDelay = retryDelay;
        _stopping = stopping;
        if (callbackUrl is not null)
        {
            _client = new HttpClient(new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                MaxConnectionsPerServer = 256,
                ConnectTimeout = AckDeadline,
                PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            })
            { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
            _client.DefaultRequestHeaders.UserAgent.ParseAdd("Pandapon.Sandbox-callback");
        }
    }

    public bool HasCallbackUrl => _callbackUrl is not null;

    // The events of the sandbox's state changes.

    public void RefundOpened(RefundRecord refund) => PushRefund("refundOpened", refund, "BUYER_APPLY_REFUND", "buyer");

    public void RefundAgreed(RefundRecord refund) => PushRefund("refundAgreed", refund, "SELLER_AGREE_REFUND", "seller");

    public void RefundShippedBack(RefundRecord refund) => PushRefund("refundShippedBack", refund, "BUYER_SEND_GOODS", "buyer");

    public void RefundSucceeded(RefundRecord refund, string action, string operatorRole) => PushRefund("refundSucceeded", refund, action, operatorRole);

    public void OrderCreated(OrderFacts order) => Push("orderCreated", MessageBodies.OrderCreate, MessageBodies.Alibaba, MessageBodies.Order(order));

    public void OrderPaid(OrderFacts order) => Push("orderPaid", MessageBodies.OrderPaySuccess, MessageBodies.Alibaba, MessageBodies.Order(order));

    public void OrderCancelled(OrderFacts order) => Push("orderCancelled", MessageBodies.OrderCancel, MessageBodies.Alibaba, MessageBodies.Order(order));

    public void OrderPriceChanged(OrderFacts order) => Push("orderPriceChanged", MessageBodies.PriceModify1688, MessageBodies.Alibaba, MessageBodies.BuyerViewOrder(order));

    public void TaobaoReverseOrderChanged(TaobaoReverseOrderChange change)
        => Push("taobaoReverseOrderChanged", MessageBodies.TaobaoReverseOrder, MessageBodies.Taobao, MessageBodies.TaobaoReverse(change));

    private void PushRefund(string evt, RefundRecord refund, string action, string operatorRole)
        => Push(evt, MessageBodies.BuyerRefund, MessageBodies.Alibaba, MessageBodies.Refund(refund, action, operatorRole, RefundWorkflow.BeijingNow()));

    /// <summary>Records a message and starts pushing it; returns at once. <paramref name="repeatOf"/> marks a deliberate re-push of an earlier message.</summary>
    public PushedMessage Push(string evt, string type, int platform, byte[] body, int? repeatOf = null)
    {
        PushedMessage message;
        lock (_gate)
        {
            int sequence = _messages.Count;
            bool asString = sequence % 2 == 0;
            long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            message = new PushedMessage
            {
                Sequence = sequence,
                Event = evt,
                MessageType = type,
                Platform = platform,
                BodyAsString = asString,
                RepeatOf = repeatOf,
                Envelope = MessageBodies.Envelope(type, platform, body, asString, now, timestampAsString: sequence % 3 != 0),
            };
            if (_client is null) message.State = "notSent";
            _messages.Add(message);
        }
        if (_client is not null) _ = Task.Run(() => DeliverAsync(message));
        return message;
    }

    /// <summary>The body of an earlier message, for a deliberate re-push (the same message again, maybe in the other form).</summary>
    public (string Type, int Platform, byte[] Body)? BodyOf(int sequence)
    {
        lock (_gate)
        {
            if (sequence < 0 || sequence >= _messages.Count) return null;
            var m = _messages[sequence];
            using var document = JsonDocument.Parse(m.Envelope);
            var body = document.RootElement.GetProperty("messageBody");
            byte[] bytes = body.ValueKind == JsonValueKind.String ? Encoding.UTF8.GetBytes(body.GetString()!) : Encoding.UTF8.GetBytes(body.GetRawText());
            return (m.MessageType, m.Platform, bytes);
        }
    }

    public int Count
    {
        get { lock (_gate) return _messages.Count; }
    }

    private async Task DeliverAsync(PushedMessage message)
    {
        for (int attempt = 0; attempt <= MaxRepushes; attempt++)
        {
            if (attempt > 0)
            {
                try
                {
                    await Task.Delay(_retryDelay, _stopping);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
            var (status, error, elapsed) = await SendOnceAsync(message.Envelope);
            lock (_gate)
            {
                message.Attempts = attempt + 1;
                message.LastStatus = status;
                message.LastError = error;
                if (status == 200 && error is null)
                {
                    message.State = "acknowledged";
                    message.AckMilliseconds = Math.Round(elapsed.TotalMilliseconds, 2);
                    return;
                }
                if (attempt == MaxRepushes) message.State = "failed";
            }
        }
    }

    private async Task<(int? Status, string? Error, TimeSpan Elapsed)> SendOnceAsync(byte[] envelope)
    {
        var clock = Stopwatch.StartNew();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(_stopping);
        deadline.CancelAfter(AckDeadline);
        try
        {
            using var content = new ByteArrayContent(envelope);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json;charset=UTF-8");
            using var response = await _client!.PostAsync(_callbackUrl, content, deadline.Token);
            int status = (int)response.StatusCode;
            return (status, status == 200 ? null : $"HTTP {status}", clock.Elapsed);
        }
        catch (OperationCanceledException)
        {
            return (null, $"no answer within {AckDeadline.TotalMilliseconds:0} ms", clock.Elapsed);
        }
        catch (HttpRequestException e)
        {
            return (null, e.Message, clock.Elapsed);
        }
    }

    /// <summary>
    /// <c>GET /sandbox/messages</c>: counts by state, then every message in push order with its envelope as sent the
    /// first time (JSON text in <c>envelope</c>).
    /// </summary>
    public byte[] ListJson()
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        lock (_gate)
        {
            using var w = new Utf8JsonWriter(buffer, RefundJson.WriterOptions);
            w.WriteStartObject();
            if (_callbackUrl is null) w.WriteNull("callbackUrl"); else w.WriteString("callbackUrl", _callbackUrl.ToString());
            w.WriteNumber("retrySeconds", _retryDelay.TotalSeconds);
            w.WriteNumber("pushed", _messages.Count);
            foreach (var state in new[] { "acknowledged", "pending", "failed", "notSent" })
                w.WriteNumber(state, _messages.Count(m => m.State == state));
            w.WriteStartArray("messages");
            foreach (var m in _messages)
            {
                w.WriteStartObject();
                w.WriteNumber("sequence", m.Sequence);
                w.WriteString("event", m.Event);
                w.WriteString("messageType", m.MessageType);
                w.WriteNumber("messagePlatform", m.Platform);
                w.WriteString("bodyForm", m.BodyAsString ? "string" : "object");
                if (m.RepeatOf is int of) w.WriteNumber("repeatOf", of); else w.WriteNull("repeatOf");
                w.WriteString("state", m.State);
                w.WriteNumber("attempts", m.Attempts);
                if (m.LastStatus is int s) w.WriteNumber("lastStatus", s); else w.WriteNull("lastStatus");
                if (m.LastError is null) w.WriteNull("lastError"); else w.WriteString("lastError", m.LastError);
                if (m.AckMilliseconds is double ms) w.WriteNumber("ackMilliseconds", ms); else w.WriteNull("ackMilliseconds");
                w.WriteString("envelope", Encoding.UTF8.GetString(m.Envelope));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    public void Dispose() => _client?.Dispose();
}
