using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pandapon.Messages;
using Pandapon.Models;
using Xunit;

namespace Pandapon.Tests;

public class MessageReaderTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    /// <summary>The documented 1688 example (docs/api-messages.md): messageBody a string holding the order.</summary>
    private const string PaySuccessExample =
        """{"messageType":"ORDER_PAY_SUCCESS","messageBody":"{\"orderId\":\"3305075341149134260\",\"orderNo\":\"PO202605200001\",\"orderStatus\":\"WAITING_FOR_SENT\",\"payStatus\":2,\"totalAmount\":10000,\"shippingFee\":500,\"productAmount\":9500,\"refundAmount\":0,\"refundStatus\":null,\"closeReason\":null,\"tbCreateTime\":\"2026-05-20 15:40:00\",\"payTime\":\"2026-05-20 15:41:00\"}","messagePlatform":1,"timestamp":"1779263269913"}""";

    private static readonly JsonObject OrderBody = new()
    {
        ["orderId"] = "3305075341149134260", ["orderNo"] = "PO202605200001", ["orderStatus"] = "WAITING_FOR_SENT", ["payStatus"] = 2,
        ["totalAmount"] = 10000, ["shippingFee"] = 500, ["productAmount"] = 9500, ["refundAmount"] = 0, ["refundStatus"] = null,
        ["closeReason"] = null, ["tbCreateTime"] = "2026-05-20 15:40:00", ["payTime"] = "2026-05-20 15:41:00",
        ["msgSendTime"] = "2026-05-20 15:41:01", ["buyerMemberId"] = "b2b-2207416548807a4d1", ["sellerMemberId"] = "b2b-1676547900b7bb3",
    };

    private static readonly JsonObject RefundBody = new()
    {
        ["refundId"] = "TQ21443713367004032", ["orderId"] = 3305075341149134260, ["currentStatus"] = "waitselleragree",
        ["refundAction"] = "BUYER_APPLY_REFUND", ["operator"] = "buyer", ["msgSendTime"] = "2018-05-30 19:30:13",
        ["buyerMemberId"] = "b2b-2207416548807a4d1", ["sellerMemberId"] = "b2b-1676547900b7bb3",
    };

    private static readonly JsonObject FlatPriceBody = new()
    {
        ["orderId"] = "3305075341149134260", ["orderStatus"] = "WAITING_FOR_PAYMENT", ["totalAmount"] = 9000, ["shippingFee"] = 0, ["productAmount"] = 9000,
    };

    private static PandaponMessage Read(string json) => MessageReader.Read(MessageEnvelope.Parse(json));

    private static string Envelope(string type, JsonNode body, int platform = 1, bool bodyAsString = false, string timestamp = "\"1779263269913\"")
        => $$"""{"messageType":"{{type}}","messageBody":{{(bodyAsString ? JsonValue.Create(body.ToJsonString())!.ToJsonString() : body.ToJsonString())}},"messagePlatform":{{platform}},"timestamp":{{timestamp}}}""";

    [Fact]
    public void The_documented_pay_example_reads_as_an_order_message_in_yuan_and_China_time()
    {
        var m = Assert.IsType<OrderMessage>(Read(PaySuccessExample));
        Assert.Equal("ORDER_PAY_SUCCESS", m.MessageType);
        Assert.Equal(MessagePlatform.Alibaba1688, m.Platform);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1779263269913), m.SentAt);
        Assert.Equal(China, m.SentAt!.Value.Offset);
        Assert.Equal("3305075341149134260", m.OrderId);
        Assert.Equal("PO202605200001", m.OrderNo);
        Assert.Equal("WAITING_FOR_SENT", m.OrderStatus);
        Assert.Equal(2, m.PayStatus);
        Assert.Equal(100.00m, m.TotalAmount);
        Assert.Equal("100.00", m.TotalAmount!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(5.00m, m.ShippingFee);
        Assert.Equal(95.00m, m.ProductAmount);
        Assert.Equal(0m, m.RefundAmount);
        Assert.Null(m.RefundStatus);
        Assert.Equal(new DateTimeOffset(2026, 5, 20, 15, 40, 0, China), m.TbCreateTime);
        Assert.Equal(new DateTimeOffset(2026, 5, 20, 15, 41, 0, China), m.PayTime);
        Assert.Empty(m.UnreadFields);
        Assert.Matches("^[0-9a-f]{64}$", m.MessageId);
        Assert.StartsWith("{\"orderId\":\"3305075341149134260\"", m.RawBody);
    }

    [Fact]
    public void The_same_message_as_an_object_body_or_a_string_body_has_the_same_id_and_the_push_time_does_not_count()
    {
        var asString = Read(Envelope("ORDER_PAY_SUCCESS", OrderBody, bodyAsString: true));
        var asObject = Read(Envelope("ORDER_PAY_SUCCESS", OrderBody, timestamp: "1779265069913"));
        var reordered = new JsonObject(OrderBody.Reverse().Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
        var spaced = Read(Envelope("ORDER_PAY_SUCCESS", reordered).Replace(",", ", "));
        Assert.Equal(asString.MessageId, asObject.MessageId);
        Assert.Equal(asString.MessageId, spaced.MessageId);
        var otherType = Read(Envelope("ORDER_CREATE", OrderBody));
        Assert.NotEqual(asString.MessageId, otherType.MessageId);
        var otherBody = (JsonObject)OrderBody.DeepClone();
        otherBody["payStatus"] = 1;
        Assert.NotEqual(asString.MessageId, Read(Envelope("ORDER_PAY_SUCCESS", otherBody)).MessageId);
    }

    [Fact]
    public void A_refund_message_reads_ids_exactly_and_its_label_names_the_refund()
    {
        var m = Assert.IsType<RefundMessage>(Read(Envelope("ORDER_BUYER_VIEW_ORDER_BUYER_REFUND", RefundBody, bodyAsString: true)));
        Assert.Equal("TQ21443713367004032", m.RefundId);
        Assert.Equal("3305075341149134260", m.OrderId);
        Assert.Equal("waitselleragree", m.CurrentStatus);
        Assert.Equal("BUYER_APPLY_REFUND", m.RefundAction);
        Assert.Equal("buyer", m.Operator);
        Assert.Equal(new DateTimeOffset(2018, 5, 30, 19, 30, 13, China), m.MsgSendTime);
        Assert.Equal("RefundMessage ORDER_BUYER_VIEW_ORDER_BUYER_REFUND TQ21443713367004032", ((IHasUnreadFields)m).RecordLabel);
    }

    [Fact]
    public void Price_changes_read_the_flat_body_in_fen_the_1688_buyer_view_in_yuan_and_the_Taobao_body()
    {
        var flat = Assert.IsType<PriceChangeMessage>(Read(Envelope("ORDER_BUYER_VIEW_ORDER_PRICE_MODIFY", FlatPriceBody)));
        Assert.Equal(("3305075341149134260", 90.00m, 0m), (flat.OrderId, flat.TotalAmount!.Value, flat.ShippingFee!.Value));

        var buyerView = JsonNode.Parse("""{"baseInfo":{"id":2019601741959504495,"status":"waitbuyerpay","totalAmount":123.45,"shippingFee":"6.00","sumProductPayment":117.45},"productItems":[{"name":"a"},{"name":"b"}],"nativeLogistics":{}}""")!;
        var full = Assert.IsType<PriceChangeMessage>(Read(Envelope("1688_ORDER_BUYER_VIEW_ORDER_PRICE_MODIFY", buyerView)));
        Assert.Equal(("2019601741959504495", "waitbuyerpay", 123.45m, 6.00m, 117.45m, 2), (full.OrderId, full.OrderStatus, full.TotalAmount!.Value, full.ShippingFee!.Value, full.ProductAmount!.Value, full.LineCount!.Value));

        var taobao = JsonNode.Parse("""{"salesOrderId":"5001234567890","subOrders":[{"purchase_order_outer_id":"1","product_amount":1000,"quantity":1}],"purchaseOrderPriceDTO":{}}""")!;
        var tb = Assert.IsType<PriceChangeMessage>(Read(Envelope("TAOBAO_ORDER_BUYER_VIEW_ORDER_PRICE_MODIFY", taobao, platform: 0)));
        Assert.Equal((MessagePlatform.Taobao, "5001234567890", 1), (tb.Platform, tb.OrderId, tb.LineCount!.Value));
    }

    [Fact]
    public void A_type_the_module_does_not_know_is_a_Message_never_an_error()
    {
        var m = Assert.IsType<Message>(Read(Envelope("LOGISTICS_SOMETHING_NEW", JsonNode.Parse("""{"x":1}""")!, platform: 0, timestamp: "1779263269913")));
        Assert.Equal("LOGISTICS_SOMETHING_NEW", m.MessageType);
        Assert.Equal(MessagePlatform.Taobao, m.Platform);
        Assert.Equal("""{"x":1}""", m.RawBody);
        Assert.NotNull(m.SentAt);
    }

    /// <summary>Every typed field of every model, and a value its reader cannot take.</summary>
    public static TheoryData<string, string, string, string> Fields()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var field in new[] { "orderId", "buyerMemberId", "sellerMemberId" }) data.Add("ORDER_PAY_SUCCESS", "order", field, """{"a":1}""");
        foreach (var field in new[] { "payStatus", "totalAmount", "shippingFee", "productAmount", "refundAmount" }) data.Add("ORDER_PAY_SUCCESS", "order", field, "\"12.5x\"");
        foreach (var field in new[] { "tbCreateTime", "payTime", "msgSendTime" }) data.Add("ORDER_PAY_SUCCESS", "order", field, "\"2026年05月20日 15:40\"");
        foreach (var field in new[] { "refundId", "orderId", "buyerMemberId", "sellerMemberId" }) data.Add("ORDER_BUYER_VIEW_ORDER_BUYER_REFUND", "refund", field, "[1,2]");
        data.Add("ORDER_BUYER_VIEW_ORDER_BUYER_REFUND", "refund", "msgSendTime", "\"yesterday\"");
        data.Add("ORDER_BUYER_VIEW_ORDER_PRICE_MODIFY", "price", "orderId", "1.5e3");
        foreach (var field in new[] { "totalAmount", "shippingFee", "productAmount" }) data.Add("ORDER_BUYER_VIEW_ORDER_PRICE_MODIFY", "price", field, "12.34");
        data.Add("ORDER_BUYER_VIEW_ORDER_PRICE_MODIFY", "price", "productItems", "\"several\"");
        data.Add("ORDER_PAY_SUCCESS", "order", "timestamp", "\"last tuesday\"");
        return data;
    }

    [Theory]
    [MemberData(nameof(Fields))]
    public void One_unreadable_field_yields_the_record_a_warning_naming_that_field_and_the_other_fields_intact(string type, string body, string field, string badJson)
    {
        JsonObject template = body switch { "order" => OrderBody, "refund" => RefundBody, _ => FlatPriceBody };
        var good = (JsonObject)template.DeepClone();
        if (field == "productItems") good["productItems"] = new JsonArray(1, 2);
        var expected = Read(Envelope(type, good));
        Assert.Empty(expected.UnreadFields);

        string json;
        if (field == "timestamp")
        {
            json = Envelope(type, good, timestamp: badJson);
        }
        else
        {
            var bad = (JsonObject)good.DeepClone();
            bad[field] = JsonNode.Parse(badJson);
            json = Envelope(type, bad);
        }
        var message = Read(json);

        Assert.Equal(new[] { field }, message.UnreadFields.Keys.ToArray());
        string warning = message.UnreadFields.Warning(((IHasUnreadFields)message).RecordLabel)!;
        Assert.Contains("1 field could not be read and is empty: " + field + " \"", warning);
        Assert.StartsWith(message.GetType().Name + " " + type, warning);
        foreach (var property in message.GetType().GetProperties())
        {
            if (property.Name is nameof(PandaponMessage.UnreadFields) or nameof(PandaponMessage.RawBody) or nameof(PandaponMessage.MessageId)) continue;
            object? got = property.GetValue(message), want = property.GetValue(expected);
            if (IsProperty(field, property.Name)) Assert.Null(got);
            else Assert.Equal(want, got);
        }
    }

    private static bool IsProperty(string field, string property)
        => field switch
        {
            "timestamp" => property == nameof(PandaponMessage.SentAt),
            "productItems" => property == nameof(PriceChangeMessage.LineCount),
            _ => string.Equals(field, property, StringComparison.OrdinalIgnoreCase),
        };

    public static TheoryData<string, string> NotMessages() => new()
    {
        { "", "empty" },
        { "   ", "empty" },
        { "{\"messageType\":\"ORDER_CREATE\",\"messageBody\":{\"orderId\":1", "not JSON" },
        { "[1,2]", "expected a JSON object" },
        { "42", "expected a JSON object" },
        { "{}", "messageType is missing" },
        { "{\"messageType\":7,\"messageBody\":{},\"messagePlatform\":1,\"timestamp\":1}", "messageType is not a text" },
        { "{\"messageType\":\"ORDER_CREATE\",\"messageBody\":{},\"messagePlatform\":7,\"timestamp\":1}", "messagePlatform 7 is not 0 (Taobao) or 1 (1688)" },
        { "{\"messageType\":\"ORDER_CREATE\",\"messageBody\":{},\"messagePlatform\":\"TMALL\",\"timestamp\":1}", "messagePlatform \"TMALL\"" },
        { "{\"messageType\":\"ORDER_CREATE\",\"messageBody\":{},\"timestamp\":1}", "messagePlatform is missing" },
        { "{\"messageType\":\"ORDER_CREATE\",\"messageBody\":42,\"messagePlatform\":1}", "messageBody is a number (42)" },
        { "{\"messageType\":\"ORDER_CREATE\",\"messageBody\":\"not json\",\"messagePlatform\":1}", "messageBody is a string but not JSON" },
        { "{\"messageType\":\"ORDER_CREATE\",\"messageBody\":\"[1]\",\"messagePlatform\":1}", "messageBody is a string holding an array" },
        { "{\"messageType\":\"ORDER_CREATE\",\"messagePlatform\":1}", "messageBody is missing" },
        { "{\"messageType\":\"ORDER_CREATE\",\"messageBody\":" + new string('[', 100) + new string(']', 100) + ",\"messagePlatform\":1}", "not JSON" },
    };

    [Theory]
    [MemberData(nameof(NotMessages))]
    public void A_body_that_is_not_a_message_is_an_InvalidMessageException_that_says_why_and_shows_its_beginning(string json, string reason)
    {
        var e = Assert.Throws<InvalidMessageException>(() => MessageEnvelope.Parse(json));
        Assert.Contains(reason, e.Message);
        Assert.StartsWith("Not a PandaPon message: ", e.Message);
        if (json.Trim().Length > 0) Assert.Contains(Pandapon.Values.ShownValue.Shorten(json, InvalidMessageException.MaxPreview).TrimEnd('…'), e.Message);
    }

    [Fact]
    public void Invalid_UTF8_is_refused_and_a_long_body_is_shown_only_to_200_characters()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("{\"messageType\":\"ORDER_CREATE\",\"x\":\"ab\"}");
        bytes[bytes.Length - 3] = 0xFF;
        Assert.Contains("not valid UTF-8", Assert.Throws<InvalidMessageException>(() => MessageEnvelope.Parse(bytes, bytes.Length)).Message);

        string longBody = "{\"a\":\"" + new string('x', 5000) + "\"";
        var e = Assert.Throws<InvalidMessageException>(() => MessageEnvelope.Parse(longBody));
        Assert.Equal(201, e.Preview!.Length);
        Assert.EndsWith("…", e.Preview);
    }

    [Fact]
    public void The_duplicate_filter_drops_a_repeat_within_the_window_and_forgets_after_it_or_past_capacity()
    {
        var now = new DateTime(2026, 5, 20, 0, 0, 0, DateTimeKind.Utc);
        var filter = new DuplicateFilter(TimeSpan.FromMinutes(10), capacity: 3, clock: () => now);
        Assert.True(filter.IsFirst("a"));
        Assert.False(filter.IsFirst("a"));
        now = now.AddMinutes(11);
        Assert.True(filter.IsFirst("a"));
        Assert.True(filter.IsFirst("b"));
        Assert.True(filter.IsFirst("c"));
        Assert.True(filter.IsFirst("d"));   // capacity 3: "a" is forgotten
        Assert.True(filter.IsFirst("a"));
        Assert.False(filter.IsFirst("d"));
    }

    private static readonly Pandapon.Values.ParameterNames PrefixNames = new(new System.Collections.Generic.Dictionary<string, string>
    {
        [ListenerPrefix.PrefixField] = "-Prefix",
        [ListenerPrefix.AllowRemoteField] = "-AllowRemote",
    });

    [Theory]
    [InlineData("http://127.0.0.1:8080/pandapon/", false, "http://127.0.0.1:8080/pandapon/")]
    [InlineData("http://localhost:8080/p", false, "http://localhost:8080/p/")]
    [InlineData("http://[::1]:8080/", false, "http://[::1]:8080/")]
    [InlineData("http://+:8080/pandapon/", true, "http://+:8080/pandapon/")]
    [InlineData("http://10.0.0.5:8080/", true, "http://10.0.0.5:8080/")]
    public void Loopback_prefixes_are_taken_and_others_need_AllowRemote(string prefix, bool allowRemote, string expected)
        => Assert.Equal(expected, ListenerPrefix.Check(prefix, allowRemote, PrefixNames));

    [Theory]
    [InlineData("http://+:8080/pandapon/", "-AllowRemote")]
    [InlineData("http://10.0.0.5:8080/", "not a loopback address")]
    [InlineData("https://127.0.0.1:8443/", "use http://")]
    [InlineData("", "is required")]
    public void Other_prefixes_are_refused_naming_the_parameter_and_value(string prefix, string reason)
    {
        var e = Assert.Throws<Pandapon.Values.InvalidValueException>(() => ListenerPrefix.Check(prefix, allowRemote: false, PrefixNames));
        Assert.StartsWith("-Prefix", e.Message);
        Assert.Contains(reason, e.Message);
    }
}
