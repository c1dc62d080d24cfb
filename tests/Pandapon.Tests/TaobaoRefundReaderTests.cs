using System.Text.Json;
using System.Text.Json.Nodes;
using Pandapon.Api;
using Pandapon.Client;
using Pandapon.Endpoints;
using Pandapon.Models;
using Pandapon.Values;
using Xunit;

namespace Pandapon.Tests;

/// <summary>
/// The Taobao reverse-order reader on the documented shapes (docs/api-taobao-refunds.md §5-§7): the detail, nested and
/// flat list rows, the cancel answer; and the per-field matrix of issue 18: each typed field replaced by an
/// unreadable value, one at a time, still yields the record, names that one field, and leaves the others intact.
/// </summary>
public class TaobaoRefundReaderTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    /// <summary>The detail's data, in the documented schema's field order, with the cancel example's values where it gives them.</summary>
    private const string DetailJson = """
        {"distributorId":"1299482927191","currency":"CNY","refundOrderAggregate":{
          "logistics":{"receiverAddress":{"detailAddress":"浙江省杭州市余杭区文一西路969号","phone":"138****5678","receiver":"张三"},
            "returnGoodsDesc":null,"buyerPhone":"139****0000",
            "logisticsCompany":{"logisticsCompanyCode":"ZTO","logisticsCompanyName":"中通快递"},"logisticsNo":"78123456789012",
            "sellerAgreeReturnDescribe":null},
          "refundOrder":{"refundFee":750,"payOrderId":4819273968122687036,"timeoutType":"SELLER_RECEIVE_TIMEOUT","sellerRefuseReason":null,
            "refundStatus":30,"canEditFee":false,"remainingTime":0,"refundType":2,"feeTips":"最多可退¥7.50","reasonDesc":"质量问题",
            "goodsStatus":5,"refundDesc":"破了","reasonId":100033,"timeoutDate":1740932557660,"sellerRefuseReasonDescribe":null,
            "refundId":110000005849,"gmtCreate":1740759757660,"gmtModified":1740760000000},
          "purchaseOrderLine":{"salesOrderId":5100000001027,"supplierId":2284255582,"quantity":1,"totalPrice":1950,"itemTitle":"日式珊瑚绒毛毯学生",
            "postFee":1200,"productFee":750,"salesMarket":"TMALL","purchaseOrderLineId":4200000000000574,"createTime":1740436912553,
            "purchaseOrderId":3800000000011376,"price":750,"currency":"CNY","itemImageUrl":"https://img.alicdn.com/x.jpg"}}}
        """;

    /// <summary>Every field the reader types (path inside the aggregate, a value no reader accepts for it).</summary>
    public static IEnumerable<object[]> TypedFields() => new[]
    {
        new object[] { "refundOrder", "refundId", "\"abc\"" },
        new object[] { "refundOrder", "refundStatus", "\"ten\"" },
        new object[] { "refundOrder", "refundType", "\"both\"" },
        new object[] { "refundOrder", "goodsStatus", "{\"a\":1}" },
        new object[] { "refundOrder", "refundFee", "\"7.5元\"" },
        new object[] { "refundOrder", "reasonId", "[1]" },
        new object[] { "refundOrder", "timeoutDate", "\"string\"" },
        new object[] { "refundOrder", "payOrderId", "1.5" },
        new object[] { "refundOrder", "gmtCreate", "\"2025年3月1日\"" },
        new object[] { "refundOrder", "gmtModified", "true" },
        new object[] { "purchaseOrderLine", "salesOrderId", "\"x1\"" },
        new object[] { "purchaseOrderLine", "supplierId", "{}" },
        new object[] { "purchaseOrderLine", "quantity", "\"one\"" },
        new object[] { "purchaseOrderLine", "totalPrice", "19.505" },
        new object[] { "purchaseOrderLine", "postFee", "\"free\"" },
        new object[] { "purchaseOrderLine", "productFee", "[]" },
        new object[] { "purchaseOrderLine", "purchaseOrderLineId", "\"line\"" },
        new object[] { "purchaseOrderLine", "createTime", "\"yesterday\"" },
        new object[] { "purchaseOrderLine", "purchaseOrderId", "2e15" },
        new object[] { "purchaseOrderLine", "price", "\"¥7.50\"" },
    };

    private static TaobaoRefund ReadDetail(string json, string? requested = "110000005849")
    {
        using var document = JsonDocument.Parse(json);
        return TaobaoRefundReader.Read(document.RootElement, requested);
    }

    private static ApiResponse Response(string dataJson)
    {
        using var document = JsonDocument.Parse("{\"requestId\":\"r1\",\"code\":200,\"msg\":\"成功\",\"data\":" + dataJson + "}");
        JsonElement root = document.RootElement.Clone();
        return new ApiResponse("r1", 200, "成功", "1", root.GetProperty("data"), root, 200);
    }

    [Fact]
    public void ReadsTheDetailConverted()
    {
        TaobaoRefund r = ReadDetail(DetailJson);
        Assert.Empty(r.UnreadFields);
        Assert.Equal("110000005849", r.RefundId);
        Assert.Null(r.RequestedRefundId);
        Assert.Equal(TaobaoRefundStatus.WaitingSellerReceipt, r.Status);
        Assert.Equal(30, r.StatusCode);
        Assert.Equal(TaobaoRefundType.ReturnAndRefund, r.RefundType);
        Assert.Equal(TaobaoGoodsStatus.SentBack, r.GoodsStatus);
        Assert.Equal(7.50m, r.RefundFee);
        Assert.Equal("7.50", r.RefundFee!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(19.50m, r.TotalPrice);
        Assert.Equal(12.00m, r.PostFee);
        Assert.Equal("CNY", r.Currency);
        Assert.Equal("质量问题", r.Reason);
        Assert.Equal("100033", r.ReasonId);
        Assert.Equal("破了", r.Description);
        Assert.Equal("4819273968122687036", r.PayOrderId);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1740759757660).ToOffset(China), r.CreateTime);
        Assert.Equal(China, r.CreateTime!.Value.Offset);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1740932557660).ToOffset(China), r.TimeoutAt);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1740436912553).ToOffset(China), r.OrderCreateTime);
        Assert.Equal("3800000000011376", r.PurchaseOrderId);
        Assert.Equal("4200000000000574", r.PurchaseOrderLineId);
        Assert.Equal("5100000001027", r.SalesOrderId);
        Assert.Equal(1, r.Quantity);
        Assert.Equal("ZTO", r.LogisticsCompanyCode);
        Assert.Equal("中通快递", r.LogisticsCompanyName);
        Assert.Equal("78123456789012", r.LogisticsNo);
        Assert.Equal("张三", r.ReceiverName);
        Assert.Equal("138****5678", r.ReceiverPhone);
        Assert.Equal("浙江省杭州市余杭区文一西路969号", r.ReceiverAddress);
    }

    [Fact]
    public void ReadsTheCarrierCodeInTheCancelExamplesSpellingToo()
    {
        TaobaoRefund r = ReadDetail(DetailJson.Replace("\"logisticsCompanyCode\"", "\"logisticCompanyCode\""));
        Assert.Equal("ZTO", r.LogisticsCompanyCode);
        Assert.Empty(r.UnreadFields);
    }

    [Fact]
    public void ReadsAFlatRowAsTheNestedOne()
    {
        JsonObject detail = JsonNode.Parse(DetailJson)!.AsObject();
        JsonObject aggregate = detail["refundOrderAggregate"]!.AsObject();
        var flat = new JsonObject();
        foreach (string part in new[] { "refundOrder", "purchaseOrderLine", "logistics" })
            foreach (var field in aggregate[part]!.AsObject()) flat[field.Key] = field.Value?.DeepClone();
        var nested = JsonNode.Parse(aggregate.ToJsonString())!.AsObject();
        nested["refundId"] = 110000005849;

        TaobaoRefund fromFlat = ReadDetail(flat.ToJsonString(), null);
        TaobaoRefund fromNested = ReadDetail(nested.ToJsonString(), null);
        TaobaoRefund fromDetail = ReadDetail(DetailJson);
        foreach (var property in typeof(TaobaoRefund).GetProperties().Where(p => p.Name != nameof(TaobaoRefund.UnreadFields) && p.Name != nameof(TaobaoRefund.Currency)))
        {
            Assert.Equal(property.GetValue(fromDetail), property.GetValue(fromFlat));
            Assert.Equal(property.GetValue(fromDetail), property.GetValue(fromNested));
        }
        Assert.Empty(fromFlat.UnreadFields);
    }

    [Fact]
    public void KeepsAnUnknownStatusCodeAsItsNumber()
    {
        TaobaoRefund r = ReadDetail(DetailJson.Replace("\"refundStatus\":30", "\"refundStatus\":\"50\""));
        Assert.Equal(50, r.StatusCode);
        Assert.Equal("50", r.Status.ToString());
        Assert.Empty(r.UnreadFields);
    }

    [Theory]
    [MemberData(nameof(TypedFields))]
    public void OneUnreadableFieldLeavesTheRecordAndTheOtherFields(string part, string field, string badJson)
    {
        JsonObject detail = JsonNode.Parse(DetailJson)!.AsObject();
        detail["refundOrderAggregate"]![part]![field] = JsonNode.Parse(badJson);
        TaobaoRefund good = ReadDetail(DetailJson);
        TaobaoRefund r = ReadDetail(detail.ToJsonString());

        string path = "refundOrderAggregate." + part + "." + field;
        Assert.Equal(new[] { path }, r.UnreadFields.Keys.ToArray());
        string expectedRaw = badJson.StartsWith('"') ? JsonSerializer.Deserialize<string>(badJson)! : badJson;
        Assert.Equal(expectedRaw, r.UnreadFields[path]);
        string warning = ((IHasUnreadFields)r).RecordLabel;
        Assert.Contains(field, r.UnreadFields.Warning(warning));
        // Every other property is as in the intact record; the unread one is empty.
        var changed = typeof(TaobaoRefund).GetProperties()
            .Where(p => p.Name != nameof(TaobaoRefund.UnreadFields) && !Equals(p.GetValue(good), p.GetValue(r)))
            .Select(p => p.Name).ToArray();
        if (field == "refundId")
        {
            Assert.Equal(new[] { nameof(TaobaoRefund.RefundId), nameof(TaobaoRefund.RequestedRefundId) }, changed);
            Assert.Equal("110000005849", r.RequestedRefundId);
        }
        else if (field == "refundStatus")
        {
            Assert.Equal(new[] { nameof(TaobaoRefund.Status), nameof(TaobaoRefund.StatusCode) }, changed);
        }
        else
        {
            Assert.Single(changed);
        }
        foreach (string name in changed.Where(n => n != nameof(TaobaoRefund.RequestedRefundId)))
            Assert.Null(typeof(TaobaoRefund).GetProperty(name)!.GetValue(r));
    }

    [Fact]
    public void APartThatIsNotAnObjectIsOneUnreadField()
    {
        JsonObject detail = JsonNode.Parse(DetailJson)!.AsObject();
        detail["refundOrderAggregate"]!["logistics"] = "string";
        TaobaoRefund r = ReadDetail(detail.ToJsonString());
        Assert.Equal(new[] { "refundOrderAggregate.logistics" }, r.UnreadFields.Keys.ToArray());
        Assert.Null(r.LogisticsNo);
        Assert.Equal(7.50m, r.RefundFee);
    }

    [Fact]
    public void AMissingOrOtherIdIsReportedAndTheRequestedOneKept()
    {
        TaobaoRefund other = ReadDetail(DetailJson, "110000000001");
        Assert.Null(other.RefundId);
        Assert.Equal("110000000001", other.RequestedRefundId);
        Assert.Equal("110000005849", other.UnreadFields["refundId"]);
        Assert.StartsWith("Taobao reverse order 110000000001: 1 field could not be read", other.UnreadFields.Warning(((IHasUnreadFields)other).RecordLabel));

        TaobaoRefund missing = ReadDetail(DetailJson.Replace("\"refundId\":110000005849,", ""), "110000005849");
        Assert.Equal(FieldReader.Missing, missing.UnreadFields["refundId"]);
        Assert.Equal("110000005849", missing.RequestedRefundId);
        Assert.Equal(7.50m, missing.RefundFee);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[1,2]")]
    [InlineData("\"string\"")]
    [InlineData("42")]
    public void DataThatIsNotAnObjectIsAnError(string data)
    {
        using var document = JsonDocument.Parse(data);
        var e = Assert.Throws<PandaponDataException>(() => TaobaoRefundReader.Read(document.RootElement, "110000005849"));
        Assert.Equal("data", e.Field);
        // It names what was being read: a Taobao reverse order, not a 1688 refund.
        Assert.StartsWith("Taobao reverse order '110000005849': cannot read field 'data'", e.Message);
        Assert.Equal("Taobao reverse order", e.RecordName);
    }

    [Fact]
    public void DataThatIsNotAnObject_WithoutAnId_NamesATaobaoReverseOrder()
    {
        using var document = JsonDocument.Parse("[]");
        var e = Assert.Throws<PandaponDataException>(() => TaobaoRefundReader.Read(document.RootElement));
        Assert.StartsWith("A Taobao reverse order without a refundId: cannot read field 'data'", e.Message);
    }

    [Fact]
    public void ReadsDataSentAsTextHoldingTheObject()
    {
        TaobaoRefund r = ReadDetail(JsonSerializer.Serialize(DetailJson));
        Assert.Equal("110000005849", r.RefundId);
        Assert.Empty(r.UnreadFields);
    }

    [Fact]
    public void ReadsAListPageOfNestedRowsWithItsTotal()
    {
        var nested = JsonNode.Parse(DetailJson)!["refundOrderAggregate"]!.AsObject();
        nested["refundId"] = 110000005849;
        var endpoint = TaobaoRefundListEndpoint.Check(ParameterNames.ApiFields, null, null, null, null, null, 2, null);
        Page<TaobaoRefund> page = endpoint.ReadPage(Response("{\"totalRecords\":\"7\",\"data\":[" + nested.ToJsonString() + ",null]}"));
        Assert.Equal(7, page.Total);
        Assert.Equal("110000005849", Assert.Single(page.Items).RefundId);
    }

    [Fact]
    public void TheCancelAnswerSaysWhetherItWasWithdrawn()
    {
        var cancel = TaobaoRefundCancelEndpoint.Check("110000005849", ParameterNames.ApiFields);
        string refused = "{\"cancelSuccess\":false,\"cancelFailReason\":\"status 100\"," + DetailJson.Substring(1);
        TaobaoRefundCancelResult no = cancel.Read(Response(refused));
        Assert.False(no.Cancelled);
        Assert.True(no.Answered);
        Assert.Equal("status 100", no.FailReason);
        Assert.Equal("110000005849", no.Refund.RefundId);
        TaobaoRefundCancelResult yes = cancel.Read(Response("{\"cancelSuccess\":\"true\"," + DetailJson.Substring(1)));
        Assert.True(yes.Cancelled);
        TaobaoRefundCancelResult silent = cancel.Read(Response(DetailJson));
        Assert.False(silent.Cancelled);
        Assert.False(silent.Answered);
    }
}
