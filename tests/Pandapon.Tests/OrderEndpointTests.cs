using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pandapon.Api;
using Pandapon.Client;
using Pandapon.Endpoints;
using Pandapon.Models;
using Pandapon.Values;
using Xunit;

namespace Pandapon.Tests;

public class OrderEndpointTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private static readonly ParameterNames Names = new(new Dictionary<string, string>
    {
        ["orderId"] = "-OrderId", ["orderStatus"] = "-Status", ["createStartTime"] = "-CreatedAfter",
        ["createEndTime"] = "-CreatedBefore", ["pageSize"] = "-PageSize", ["filter"] = "-Filter",
        ["cancelReason"] = "-Reason", ["remark"] = "-Remark", ["orderEntryIds"] = "-OrderEntryId",
    });

    /// <summary>A buyer view as 1688 documents it (the fields the module reads, and some it ignores), two lines, one with a refund.</summary>
    private const string BuyerView = """
        {
          "baseInfo": {
            "id": 2741746420524746468, "idOfStr": "2741746420524746468", "businessType": "cn",
            "buyerLoginId": "pandapon采购", "sellerLoginId": "常熟市华宇工艺品厂", "status": "waitbuyerreceive",
            "totalAmount": 1289.10, "sumProductPayment": 1279.10, "shippingFee": 10.00,
            "discount": 150, "refundPayment": 3628,
            "createTime": "20251201075844093+0800", "payTime": "20251201085944000+0800",
            "allDeliveredTime": "20251202101500000+0800", "completeTime": "20251210101500000+0800",
            "receiverInfo": {"toFullName": "PandaPon仓库", "toMobile": "139****0000", "toArea": "浙江省 金华市 义乌市 稠城街道"}
          },
          "productItems": [
            {"itemAmount": 56.50, "name": "ins风发夹抓夹", "price": 11.30, "productID": 623456789012, "quantity": 5,
             "skuInfos": [{"name": "颜色", "value": "浅蓝色"}], "status": "waitbuyerreceive", "subItemID": 2741746420524746469,
             "subItemIDString": "2741746420524746469", "unit": "件", "refundId": "TQ48203664202889043", "refundStatus": "WAIT_SELLER_AGREE"},
            {"itemAmount": 1222.60, "name": "卡通车载手机充电器", "price": 1222.60, "productID": "623456789013", "quantity": "1",
             "skuInfos": [{"name": "颜色", "value": "米白色"}], "status": "waitbuyerreceive", "subItemID": 2741746420524746470,
             "unit": "件", "refundId": null}
          ],
          "nativeLogistics": {"logisticsItems": []},
          "tradeTerms": [{"phasAmount": 1289.10}]
        }
        """;

    private static Order ReadOrder(string json, string? requested = null)
    {
        using var document = JsonDocument.Parse(json);
        return OrderDetailEndpoint.ReadOrder(document.RootElement, requested);
    }

    [Fact]
    public void ReadsTheBuyerView_YuanAsSent_FenConverted_TimesInChina()
    {
        Order order = ReadOrder(BuyerView);
        Assert.Equal("2741746420524746468", order.OrderId);
        Assert.Equal("waitbuyerreceive", order.Status);
        Assert.Equal(1289.10m, order.TotalAmount);
        Assert.Equal(1279.10m, order.ProductAmount);
        Assert.Equal(10.00m, order.ShippingFee);
        Assert.Equal(1.50m, order.Discount);            // 150 fen
        Assert.Equal(36.28m, order.RefundPayment);      // 3628 fen
        Assert.Equal(new DateTimeOffset(2025, 12, 1, 7, 58, 44, 93, China), order.CreateTime);
        Assert.Equal(new DateTimeOffset(2025, 12, 1, 8, 59, 44, China), order.PayTime);
        Assert.Equal("常熟市华宇工艺品厂", order.SellerLoginId);
        Assert.Equal("PandaPon仓库", order.ReceiverName);
        Assert.Equal("139****0000", order.ReceiverPhone);
        Assert.Equal(2, order.Items.Count);
        OrderItem first = order.Items[0];
        Assert.Equal("2741746420524746468", first.OrderId);
        Assert.Equal("2741746420524746469", first.OrderEntryId);
        Assert.Equal("623456789012", first.ProductId);
        Assert.Equal("颜色: 浅蓝色", first.SkuInfo);
        Assert.Equal(5m, first.Quantity);
        Assert.Equal(11.30m, first.Price);
        Assert.Equal(56.50m, first.Amount);
        Assert.Equal("TQ48203664202889043", first.RefundId);
        Assert.Equal("WAIT_SELLER_AGREE", first.RefundStatus);
        Assert.Equal(1m, order.Items[1].Quantity);
        Assert.Equal(new[] { "TQ48203664202889043" }, order.RefundIds);
        Assert.Empty(order.UnreadFields);
        Assert.Equal("2 lines: ins风发夹抓夹 (颜色: 浅蓝色) ×5; 卡通车载手机充电器 (颜色: 米白色) ×1", order.Items.ToString());
    }

    [Fact]
    public void RefundIds_AreDistinct_AndEmptyWhenNoLineHasOne()
    {
        var json = JsonNode.Parse(BuyerView)!;
        json["productItems"]![1]!["refundId"] = "TQ48203664202889043";
        Assert.Equal(new[] { "TQ48203664202889043" }, ReadOrder(json.ToJsonString()).RefundIds);
        json["productItems"]![0]!["refundId"] = "";
        json["productItems"]![1]!["refundId"] = null;
        Assert.Empty(ReadOrder(json.ToJsonString()).RefundIds);
        Assert.Equal("", ReadOrder(json.ToJsonString()).RefundIds.ToString());
    }

    [Fact]
    public void AFlatRow_WithoutBaseInfo_IsReadToo()
    {
        Order order = ReadOrder("""{"id":"123","status":"success","totalAmount":"9.90","createTime":"2025-12-01 07:58:44"}""");
        Assert.Equal("123", order.OrderId);
        Assert.Equal(9.90m, order.TotalAmount);
        Assert.Equal(new DateTimeOffset(2025, 12, 1, 7, 58, 44, China), order.CreateTime);
        Assert.Empty(order.Items);
    }

    /// <summary>Each typed field, one at a time, with a value it cannot read: path in the JSON, the property it fills, the unread path reported.</summary>
    public static IEnumerable<object[]> OrderFields() => new[]
    {
        new object[] { "baseInfo.id", "OrderId", "baseInfo.id" },
        new object[] { "baseInfo.totalAmount", "TotalAmount", "baseInfo.totalAmount" },
        new object[] { "baseInfo.sumProductPayment", "ProductAmount", "baseInfo.sumProductPayment" },
        new object[] { "baseInfo.shippingFee", "ShippingFee", "baseInfo.shippingFee" },
        new object[] { "baseInfo.discount", "Discount", "baseInfo.discount" },
        new object[] { "baseInfo.refundPayment", "RefundPayment", "baseInfo.refundPayment" },
        new object[] { "baseInfo.createTime", "CreateTime", "baseInfo.createTime" },
        new object[] { "baseInfo.payTime", "PayTime", "baseInfo.payTime" },
        new object[] { "baseInfo.allDeliveredTime", "DeliveredTime", "baseInfo.allDeliveredTime" },
        new object[] { "baseInfo.completeTime", "CompleteTime", "baseInfo.completeTime" },
        new object[] { "baseInfo.receiverInfo", "ReceiverName", "baseInfo.receiverInfo" },
        new object[] { "productItems", "Items", "productItems" },
    };

    [Theory]
    [MemberData(nameof(OrderFields))]
    public void OrderField_Unreadable_LeavesThatPropertyEmpty_NamesIt_KeepsTheRest(string jsonPath, string property, string reported)
    {
        Order baseline = ReadOrder(BuyerView);
        var json = JsonNode.Parse(BuyerView)!;
        if (jsonPath == "baseInfo.id") json["baseInfo"]!.AsObject().Remove("idOfStr");   // else the string form fills the id
        Set(json, jsonPath, "2024年05月14日");
        Order order = ReadOrder(json.ToJsonString());

        Assert.Equal(new[] { reported }, order.UnreadFields.Keys);
        Assert.Equal("2024年05月14日", order.UnreadFields[reported]);
        Assert.Contains(reported + " \"2024年05月14日\"", ((IHasUnreadFields)order).UnreadFields.Warning("Order x"));
        AssertSameExcept(baseline, order, property == "ReceiverName" ? new[] { "ReceiverName", "ReceiverPhone", "ReceiverAddress" }
            : property == "Items" ? new[] { "Items", "RefundIds" } : new[] { property });
        Assert.True(IsEmpty(typeof(Order).GetProperty(property)!.GetValue(order)), property + " should be empty");
    }

    public static IEnumerable<object[]> ItemFields() => new[]
    {
        new object[] { "subItemID", "OrderEntryId" },
        new object[] { "productID", "ProductId" },
        new object[] { "quantity", "Quantity" },
        new object[] { "price", "Price" },
        new object[] { "itemAmount", "Amount" },
        new object[] { "skuInfos", "SkuInfo" },
        new object[] { "refundId", "RefundId" },
    };

    [Theory]
    [MemberData(nameof(ItemFields))]
    public void ItemField_Unreadable_LeavesThatPropertyEmpty_NamesItOnTheLineAndTheOrder(string field, string property)
    {
        Order baseline = ReadOrder(BuyerView);
        var json = JsonNode.Parse(BuyerView)!;
        var line = json["productItems"]![0]!.AsObject();
        if (field == "subItemID") line.Remove("subItemIDString");
        line[field] = JsonNode.Parse(field == "refundId" ? """{"id":1}""" : """{"x":"2024年05月14日"}""");
        Order order = ReadOrder(json.ToJsonString());

        Assert.Equal(new[] { "productItems[0]." + field }, order.UnreadFields.Keys);
        OrderItem item = order.Items[0];
        Assert.Equal(new[] { field }, item.UnreadFields.Keys);
        Assert.True(IsEmpty(typeof(OrderItem).GetProperty(property)!.GetValue(item)), property + " should be empty");
        AssertSameExcept(baseline.Items[0], item, new[] { property });
        AssertSameExcept(baseline.Items[1], order.Items[1], Array.Empty<string>());
        AssertSameExcept(baseline, order, new[] { "Items", "RefundIds" });
    }

    private const string Trace = """
        {"logisticsTrace":[
          {"logisticsId":"BX110096495365488","orderId":2741746420524746468,"logisticsBillNo":"8919608235220","logisticsCompanyName":"申通快递",
           "logisticsSteps":[{"acceptTime":"2025-12-04 09:25:00","remark":"已揽收"},{"acceptTime":"2025-12-04 06:12:00","remark":"已发货"}]},
          {"logisticsId":"BX2","orderId":"2741746420524746468","logisticsBillNo":"JT1","logisticsSteps":"[{\"acceptTime\":\"2025-12-05 01:00:00\",\"remark\":\"到达\"}]"}
        ]}
        """;

    private static ApiResponse Answer(string dataJson)
    {
        using var envelope = JsonDocument.Parse("{\"code\":200,\"requestId\":\"r1\",\"data\":" + dataJson + "}");
        var root = envelope.RootElement.Clone();
        return new ApiResponse("r1", 200, "成功", "1", root.GetProperty("data"), root, 200);
    }

    [Fact]
    public void Logistics_StepsOfEachWaybill_OldestFirst()
    {
        var read = OrderLogisticsEndpoint.Check("2741746420524746468", Names);
        List<LogisticsStep> steps = read.Read(Answer(Trace));
        Assert.Equal(new[] { "已发货", "已揽收", "到达" }, steps.Select(s => s.Remark));
        Assert.Equal(new DateTimeOffset(2025, 12, 4, 6, 12, 0, China), steps[0].Time);
        Assert.Equal("8919608235220", steps[0].WaybillNo);
        Assert.Equal("申通快递", steps[0].CompanyName);
        Assert.All(steps, s => Assert.Equal("2741746420524746468", s.OrderId));
        Assert.Equal("JT1", steps[2].WaybillNo);
        Assert.Null(steps[2].CompanyName);
        Assert.All(steps, s => Assert.Empty(s.UnreadFields));
        Assert.Empty(read.Read(Answer("""{"logisticsTrace":[]}""")));
    }

    [Theory]
    [InlineData("acceptTime", "logisticsSteps[1].acceptTime", "Time")]
    [InlineData("orderId", "orderId", "OrderId")]
    public void LogisticsField_Unreadable_IsNamed_AndTheStepStays(string field, string reported, string property)
    {
        var read = OrderLogisticsEndpoint.Check("2741746420524746468", Names);
        List<LogisticsStep> baseline = read.Read(Answer(Trace));
        var json = JsonNode.Parse(Trace)!;
        var waybill = json["logisticsTrace"]![0]!.AsObject();
        if (field == "acceptTime") waybill["logisticsSteps"]![1]!["acceptTime"] = "明天";
        else waybill["orderId"] = "明天";
        List<LogisticsStep> steps = read.Read(Answer(json.ToJsonString()));
        Assert.Equal(3, steps.Count);
        LogisticsStep broken = steps.Single(s => s.UnreadFields.Count > 0 && s.Remark == "已发货");
        Assert.Equal(new[] { reported }, broken.UnreadFields.Keys);
        Assert.Equal("明天", broken.UnreadFields[reported]);
        if (property == "Time") Assert.Null(broken.Time);
        else Assert.Equal("2741746420524746468", broken.OrderId);   // the id asked for stands in
        AssertSameExcept(baseline.Single(s => s.Remark == "已发货"), broken, new[] { property });
    }

    [Fact]
    public void Detail_Request_IsTheDocumentedBody_WithTheIdAsANumber()
    {
        var read = OrderDetailEndpoint.Check(" 2741746420524746468 ", Names);
        ApiRequest request = read.Request();
        Assert.Equal("POST", request.Method);
        Assert.Equal("/alibaba/order/detail", request.Path);
        Assert.Equal("""{"webSite":"1688","orderId":2741746420524746468}""", request.Body);
        Assert.True(request.Idempotent);
    }

    [Fact]
    public void Detail_Read_AnotherIdThanAsked_IsNamed_AndTheAskedIdIsKept()
    {
        var read = OrderDetailEndpoint.Check("1", Names);
        Order order = read.Read(Answer(BuyerView));
        Assert.Equal("2741746420524746468", order.OrderId);
        Assert.Equal("1", order.RequestedOrderId);
        Assert.Equal(new[] { "baseInfo.id" }, order.UnreadFields.Keys);
        Order missing = read.Read(Answer("""{"baseInfo":{"status":"success"}}"""));
        Assert.Null(missing.OrderId);
        Assert.Equal("(missing)", missing.UnreadFields["baseInfo.id"]);
        Assert.Equal("Order 1", ((IHasUnreadFields)missing).RecordLabel);
        Assert.Throws<PandaponApiException>(() => read.Read(Answer("\"string\"")));
        Assert.Throws<PandaponApiException>(() => read.Read(Answer("null")));
    }

    [Theory]
    [InlineData("2.0196E+18", "spreadsheet")]
    [InlineData("12a", "digits only")]
    [InlineData("", "required")]
    public void OrderIds_AreCheckedBeforeSending_NamingTheParameterAndValue(string id, string reason)
    {
        var e = Assert.Throws<InvalidValueException>(() => OrderDetailEndpoint.Check(id, Names));
        Assert.StartsWith("-OrderId", e.Message);
        Assert.Contains(reason, e.Message);
        Assert.Throws<InvalidValueException>(() => OrderLogisticsEndpoint.Check(id, Names));
        Assert.Throws<InvalidValueException>(() => OrderPayUrlEndpoint.Check(id, Names));
        Assert.Throws<InvalidValueException>(() => OrderCancelEndpoint.Check(id, "other", null, Names));
        Assert.Throws<InvalidValueException>(() => OrderReceiveGoodsEndpoint.Check(id, null, Names));
    }

    [Fact]
    public void Page_Request_CarriesPagingAndFiltersIn1688Form()
    {
        var list = OrderPageEndpoint.Check("WaitBuyerReceive", new DateTimeOffset(2025, 11, 30, 16, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2025, 12, 1, 8, 0, 0, 5, China), 20, """{"bizTypes":"cb"}""", Names);
        ApiRequest request = list.Request(3);
        Assert.Equal("/v2/alibaba/order/page", request.Path);
        Assert.Equal("""{"webSite":"1688","pageNo":3,"pageSize":20,"orderStatus":"waitbuyerreceive","createStartTime":"20251201000000000+0800","createEndTime":"20251201080000005+0800","bizTypes":"cb"}""", request.Body);
        Assert.True(request.Idempotent);
        Assert.Equal("""{"webSite":"1688","pageNo":1,"pageSize":50}""", OrderPageEndpoint.Check(null, null, null, 50, null, Names).Request(1).Body);
    }

    [Theory]
    [InlineData("Bogus", null, null, 50, null, "-Status 'Bogus' is not valid")]
    [InlineData(null, "2025-12-02", "2025-12-01", 50, null, "-CreatedAfter '20251202")]
    [InlineData(null, null, null, 0, null, "-PageSize '0' is not valid")]
    [InlineData(null, null, null, 101, null, "-PageSize '101' is not valid")]
    [InlineData(null, null, null, 50, """{"pageNo":3}""", "-Filter 'pageNo' is not valid")]
    [InlineData("success", null, null, 50, """{"orderStatus":"cancel"}""", "-Filter 'orderStatus' is not valid: it is also given by -Status")]
    public void Page_BadValues_AreRefusedBeforeSending(string? status, string? after, string? before, int pageSize, string? filter, string expected)
    {
        DateTimeOffset? Parse(string? text) => text == null ? null : DateTimeOffset.Parse(text + "T00:00:00+08:00", CultureInfo.InvariantCulture);
        var e = Assert.Throws<InvalidValueException>(() => OrderPageEndpoint.Check(status, Parse(after), Parse(before), pageSize, filter, Names));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Page_ReadsBothShapes()
    {
        var list = OrderPageEndpoint.Check(null, null, null, 50, null, Names);
        var pandapon = list.ReadPage(Answer("{\"totalRecords\":7,\"totalPage\":1,\"pageSize\":50,\"currentPage\":1,\"data\":[" + BuyerView + "]}"));
        var upstream = list.ReadPage(Answer("{\"result\":[" + BuyerView + "],\"totalRecord\":7}"));
        Assert.Equal(7, pandapon.Total);
        Assert.Equal(7, upstream.Total);
        Assert.Equal("2741746420524746468", pandapon.Items.Single().OrderId);
        Assert.Equal("2741746420524746468", upstream.Items.Single().OrderId);
        Assert.Null(pandapon.Items.Single().RequestedOrderId);
    }

    [Fact]
    public void Cancel_Body_AndReasons()
    {
        var cancel = OrderCancelEndpoint.Check("2741746420524746468", "BUYERCANCEL", "不想要了", Names);
        ApiRequest request = cancel.Request();
        Assert.Equal("""{"webSite":"1688","orderId":2741746420524746468,"cancelReason":"buyerCancel","remark":"不想要了"}""", request.Body);
        Assert.False(request.Idempotent);
        Assert.Contains("-OrderId", request.UpstreamHints![6001]);
        Assert.True(cancel.Read(Answer("true")));
        Assert.Throws<PandaponApiException>(() => cancel.Read(Answer("false")));
        var e = Assert.Throws<InvalidValueException>(() => OrderCancelEndpoint.Check("1", "changedMyMind", null, Names));
        Assert.StartsWith("-Reason 'changedMyMind' is not valid", e.Message);
    }

    [Fact]
    public void ReceiveGoods_Body_WholeOrderOrLines()
    {
        Assert.Equal("""{"orderId":5}""", OrderReceiveGoodsEndpoint.Check("5", null, Names).Request().Body);
        var lines = OrderReceiveGoodsEndpoint.Check("5", new[] { "7;8", "8" }, Names);
        Assert.Equal("""{"orderId":5,"orderEntryIds":[7,8]}""", lines.Request().Body);
        Assert.False(lines.Request().Idempotent);
        OrderReceiptResult result = lines.Read(Answer("""{"success":true,"errorInfo":"","errorCode":""}"""));
        Assert.Equal("7;8", result.OrderEntryIds.ToString());
        Assert.Equal("r1", result.RequestId);
    }

    [Fact]
    public void PayUrl_ReadsTheStatedShape_PerField()
    {
        var read = OrderPayUrlEndpoint.Check("2741746420524746468", Names);
        Assert.Equal("/alibaba/order/pay/url", read.Request().Path);
        Assert.Equal("orderId=2741746420524746468", string.Join("&", read.Request().Query.Select(p => p.Key + "=" + p.Value)));
        OrderPaymentUrl paid = read.Read(Answer("""{"orderId":2741746420524746468,"protocolPaySuccess":false,"payUrl":null,"cantPayOrderList":[2741746420524746468]}"""));
        Assert.Null(paid.PayUrl);
        Assert.Equal(new[] { "2741746420524746468" }, paid.CantPayOrderIds);
        OrderPaymentUrl odd = read.Read(Answer("""{"orderId":2741746420524746468,"protocolPaySuccess":"maybe","payUrl":"https://x"}"""));
        Assert.Equal("https://x", odd.PayUrl);
        Assert.Null(odd.ProtocolPaySuccess);
        Assert.Equal(new[] { "protocolPaySuccess" }, odd.UnreadFields.Keys);
    }

    private static void Set(JsonNode root, string path, JsonNode? value)
    {
        string[] parts = path.Split('.');
        JsonNode parent = root;
        foreach (string part in parts.Take(parts.Length - 1)) parent = parent[part]!;
        parent[parts[^1]] = value;
    }

    private static bool IsEmpty(object? value) => value == null || value is System.Collections.ICollection { Count: 0 };

    /// <summary>Every public property of the two objects is equal (collections and unread fields by their text), except <paramref name="except"/> and UnreadFields.</summary>
    private static void AssertSameExcept(object expected, object actual, string[] except)
    {
        foreach (var property in expected.GetType().GetProperties())
        {
            if (property.Name == "UnreadFields" || except.Contains(property.Name)) continue;
            Assert.True(Equals(Text(property.GetValue(expected)), Text(property.GetValue(actual))), $"{property.Name} changed: {Text(property.GetValue(expected))} -> {Text(property.GetValue(actual))}");
        }
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
