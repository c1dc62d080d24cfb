using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pandapon.Api;
using Pandapon.Client;
using Pandapon.Endpoints;
using Pandapon.Models;
using Xunit;

namespace Pandapon.Tests;

/// <summary>
/// Issue 18: one unreadable field never loses the record. The PandaPon refund-info example response (placeholders
/// and all) and each typed field made unreadable one at a time: every case gives a Refund, the one field recorded,
/// everything else as it was.
/// </summary>
public class RefundUnreadFieldsTests
{
    private const string RequestedId = "TQ24051418030700001";

    /// <summary>The PandaPon refund-info example response, verbatim: every value a placeholder ("string", 0, true).</summary>
    private static string ExampleResponse() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "refund-info-example.json"));

    /// <summary>A realistic record with every field set, and its history's second item fully filled.</summary>
    private const string FullRecord = """
        {
          "id": 1790000000000000001, "createBy": "admin", "createById": 1001, "createTime": "2024-05-14 18:03:07",
          "updateBy": "系统", "updateById": 1002, "updateTime": "2024-05-15 09:15:02", "remark": "同步自1688",
          "alipayPaymentId": "2024051422001156781234567890", "applyCarriage": 800, "applyExpect": 12900,
          "applyPayment": 12900, "applyReason": "不想要了", "applyReasonId": 20014, "applySubReason": "尺码不合适",
          "applySubReasonId": 200141, "buyerAlipayId": "2088102177777777", "buyerLogisticsName": "圆通速递",
          "buyerMemberId": "b2b-2100007341207", "buyerSendGoods": true, "buyerUserId": 2100007341207,
          "canRefundPayment": 12900, "crmModifyRefund": false, "disburseChannel": "alipay",
          "disputeRequest": 2, "disputeType": 2, "extInfo": "{}", "freightBill": "YT7461234567890",
          "frozenFund": 12900, "gmtApply": "20240514180307123+0800", "gmtCompleted": "20240515091500000+0800",
          "gmtCreate": "20240514180307000+0800", "gmtFreezed": "20240514180308000+0800",
          "gmtModified": "20240515091500000+0800", "gmtTimeOut": "20240521180307000+0800", "goodsReceived": true,
          "goodsStatus": 3, "refundId": "TQ24051418030700001", "instantRefundType": "none",
          "insufficientAccount": false, "insufficientBail": false, "newRefundReturn": true, "onlyRefund": false,
          "orderEntryCountMap": "{\"3305075341150134260\":2}", "orderEntryIdList": "[3305075341150134260]",
          "orderId": 3305075341149134260, "prepaidBalance": 0, "productName": "纯棉短袖T恤", "refundCarriage": 800,
          "refundGoods": true, "refundPayment": 12900, "rejectReason": "无", "rejectReasonId": 3001, "rejectTimes": 1,
          "sellerAlipayId": "2088201299999999", "sellerDelayDisburse": false, "sellerMemberId": "b2b-2209876543210",
          "sellerMobile": "13900000000", "sellerRealName": "李四", "sellerReceiveAddress": "杭州市",
          "sellerTel": "0571-88888888", "sellerUserId": "2209876543210", "status": "refundsuccess",
          "supportNewSteppay": false, "taskStatus": "done", "timeOutFreeze": false, "timeOutOperateType": "auto_agree",
          "tradeTypeStr": "50060", "buyerLoginId": "pandapon_buyer01", "sellerLoginId": "杭州优品服饰",
          "refundOperationList": [
            {"afterOperateStatus":"refundsuccess","gmtCreate":"20240515091500000+0800","msgType":2},
            {"beforeOperateStatus":"waitselleragree","afterOperateStatus":"waitsellerreceive","operateTypeInt":3,
             "operateRemark":"买家退货","discription":"已寄回","operatorRoleId":1,"operatorLoginId":"pandapon_buyer01",
             "operatorUserId":2100007341207,"gmtCreate":"20240514181205000+0800","freightBill":"YT7461234567890",
             "msgType":1,"messageStatus":0,"vouchers":["https://img.alicdn.com/v1.jpg","https://img.alicdn.com/v2.jpg"],
             "logisticsCompany":{"companyName":"圆通速递","companyNo":"YTO"},"refundAddress":"杭州市","rejectReason":"无"}
          ]
        }
        """;

    private static Refund Read(string json, string? requestedId = RequestedId)
    {
        using var document = JsonDocument.Parse(json);
        return RefundInfoEndpoint.ReadData(document.RootElement, requestedId);
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name.Substring(1);

    /// <summary>The wire field a property is read from: <c>GoodsStatusCode</c> holds <c>goodsStatus</c>.</summary>
    private static string WireName(PropertyInfo property)
        => Camel(property.Name.EndsWith("Code") ? property.Name.Substring(0, property.Name.Length - 4) : property.Name);

    /// <summary>A value the reader cannot take for a property of this type; null for free text (any JSON reads as text).</summary>
    private static string? UnreadableFor(PropertyInfo property)
    {
        Type type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        if (type == typeof(decimal)) return "\"12.5x\"";
        if (type == typeof(DateTimeOffset)) return "\"2024年05月14日 10:30\"";
        if (type == typeof(bool)) return "\"maybe\"";
        if (type == typeof(int)) return "\"two\"";
        if (type == typeof(StringList)) return "{\"a\":1}";
        if (type == typeof(OrderEntryCountMap) || type == typeof(RefundOperationList)) return "\"string\"";
        if (type.IsEnum) return "\"two\"";
        if (type == typeof(string) && property.Name.EndsWith("Id")) return "{\"a\":1}";
        return null;
    }

    /// <summary>The wire fields of Refund read with a type (not free text), each with an unreadable value.</summary>
    public static TheoryData<string, string> TypedRefundFields()
    {
        var data = new TheoryData<string, string>();
        foreach (var property in typeof(Refund).GetProperties())
        {
            if (!property.CanWrite || property.Name == nameof(Refund.RequestedRefundId)) continue;
            if (UnreadableFor(property) is string bad) data.Add(WireName(property), bad);
        }
        return data;
    }

    /// <summary>The wire fields of a history item read with a type, each with an unreadable value; logisticsCompany too.</summary>
    public static TheoryData<string, string> TypedOperationFields()
    {
        var data = new TheoryData<string, string> { { "logisticsCompany", "42" } };
        foreach (var property in typeof(RefundOperation).GetProperties())
        {
            if (!property.CanWrite || property.Name.StartsWith("LogisticsCompany")) continue;
            if (UnreadableFor(property) is string bad) data.Add(WireName(property), bad);
        }
        return data;
    }

    /// <summary>Every property's value as text, to compare a record with another.</summary>
    private static Dictionary<string, string?> Snapshot(object record)
        => record.GetType().GetProperties()
            .Where(p => p.Name != nameof(Refund.UnreadFields))
            .ToDictionary(p => p.Name, p => p.GetValue(record) switch
            {
                null => null,
                DateTimeOffset time => time.ToString("o", CultureInfo.InvariantCulture),
                RefundOperationList operations => string.Join("|", operations.Select(o => string.Join(",", Snapshot(o).Values))),
                var value => Convert.ToString(value, CultureInfo.InvariantCulture),
            });

    /// <summary>The properties a wire field fills (logisticsCompany fills two; a code fills its name and its number).</summary>
    private static string[] PropertiesOf(Type model, string field)
        => model.GetProperties().Select(p => p.Name)
            .Where(name => Camel(name) == field || (field == "logisticsCompany" && name.StartsWith("LogisticsCompany"))
                || Camel(name) == field + "Code")
            .ToArray();

    [Fact]
    public void TheMatrix_CoversEveryTypedField()
    {
        var refundFields = TypedRefundFields().Select(row => (string)row[0]).ToArray();
        Assert.Contains("gmtApply", refundFields);
        Assert.Contains("refundId", refundFields);
        Assert.Contains("orderEntryIdList", refundFields);
        Assert.Contains("refundOperationList", refundFields);
        Assert.Contains("goodsStatus", refundFields);
        Assert.Contains("disputeRequest", refundFields);
        Assert.Contains("disputeType", refundFields);
        Assert.Equal(51, refundFields.Length);
        var operationFields = TypedOperationFields().Select(row => (string)row[0]).ToArray();
        Assert.Equal(new[] { "logisticsCompany", "gmtCreate", "operateTypeInt", "operatorRoleId", "operatorLoginId", "operatorUserId", "msgType", "messageStatus", "vouchers" }, operationFields);
    }

    [Theory]
    [MemberData(nameof(TypedRefundFields))]
    public void OneUnreadableRefundField_IsRecorded_AndEverythingElseIsIntact(string field, string unreadable)
    {
        var full = Read(FullRecord);
        Assert.Empty(full.UnreadFields);
        var data = JsonNode.Parse(FullRecord)!.AsObject();
        data[field] = JsonNode.Parse(unreadable);

        var refund = Read(data.ToJsonString());

        Assert.Equal(new[] { field }, refund.UnreadFields.Keys);
        Assert.Equal(unreadable.StartsWith("\"") ? JsonSerializer.Deserialize<string>(unreadable) : unreadable, refund.UnreadFields[field]);
        var expected = Snapshot(full);
        var actual = Snapshot(refund);
        foreach (string property in PropertiesOf(typeof(Refund), field))
        {
            Assert.True(actual[property] is null or "", property + " should be empty but is " + actual[property]);
            expected.Remove(property);
            actual.Remove(property);
        }
        Assert.Equal(expected, actual);
        Assert.StartsWith("Refund " + RequestedId + ": 1 field could not be read and is empty: " + field + " \"",
            refund.UnreadFields.Warning(((IHasUnreadFields)refund).RecordLabel));
    }

    [Theory]
    [MemberData(nameof(TypedOperationFields))]
    public void OneUnreadableOperationField_IsRecordedByPath_AndEverythingElseIsIntact(string field, string unreadable)
    {
        var full = Read(FullRecord);
        var data = JsonNode.Parse(FullRecord)!.AsObject();
        data["refundOperationList"]![1]![field] = JsonNode.Parse(unreadable);

        var refund = Read(data.ToJsonString());

        string path = "refundOperationList[1]." + field;
        Assert.Equal(new[] { path }, refund.UnreadFields.Keys);
        Assert.Equal(Snapshot(full.RefundOperationList[0]), Snapshot(refund.RefundOperationList[0]));
        var expected = Snapshot(full.RefundOperationList[1]);
        var actual = Snapshot(refund.RefundOperationList[1]);
        foreach (string property in PropertiesOf(typeof(RefundOperation), field))
        {
            Assert.True(actual[property] is null or "", property + " should be empty but is " + actual[property]);
            expected.Remove(property);
            actual.Remove(property);
        }
        Assert.Equal(expected, actual);
        var refundWithoutHistory = Snapshot(refund);
        var fullWithoutHistory = Snapshot(full);
        refundWithoutHistory.Remove(nameof(Refund.RefundOperationList));
        fullWithoutHistory.Remove(nameof(Refund.RefundOperationList));
        Assert.Equal(fullWithoutHistory, refundWithoutHistory);
    }

    [Fact]
    public void TheExampleResponsesData_GivesARefund_WithItsPlaceholdersRecorded()
    {
        using var example = JsonDocument.Parse(ExampleResponse());
        var refund = RefundInfoEndpoint.ReadData(example.RootElement.GetProperty("data"), RequestedId);

        Assert.Equal(
            new[]
            {
                "createTime", "gmtApply", "gmtCompleted", "gmtCreate", "gmtFreezed", "gmtModified", "gmtTimeOut",
                "orderEntryCountMap", "refundId", "refundOperationList", "updateTime",
            },
            refund.UnreadFields.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.All(refund.UnreadFields.Values, value => Assert.Equal("string", value));
        Assert.Null(refund.RefundId);
        Assert.Equal(RequestedId, refund.RequestedRefundId);
        Assert.Null(refund.GmtApply);
        Assert.Empty(refund.OrderEntryCountMap);
        Assert.Empty(refund.RefundOperationList);
        // What was readable is there.
        Assert.Equal("string", refund.Status);
        Assert.Equal("0", refund.OrderId);
        Assert.Equal(0.00m, refund.ApplyPayment);
        Assert.True(refund.OnlyRefund);
        Assert.Equal("string", refund.BuyerLoginId);
        Assert.StartsWith("Refund " + RequestedId + ": 11 fields could not be read and are empty: createTime \"string\", updateTime \"string\",",
            refund.UnreadFields.Warning(((IHasUnreadFields)refund).RecordLabel));
    }

    [Fact]
    public void TheExampleResponse_WithItsCode0_IsNotASuccess()
    {
        // Decision (docs/api.md, "The envelope"): only code 200 is success; the example's 0 is a placeholder.
        var error = Assert.Throws<PandaponApiException>(() =>
            EnvelopeParser.Parse("POST /alibaba/refund/info", 200, "OK", Encoding.UTF8.GetBytes(ExampleResponse())));
        Assert.Equal(0, error.Code);
        Assert.Equal("string", error.ServerMessage);
        Assert.Equal("string", error.RequestId);
        Assert.Contains("Only code 200 means success", error.Message);
    }

    [Fact]
    public void TheExampleResponse_WithCode200_IsASuccessWhoseDataReads()
    {
        var envelope = JsonNode.Parse(ExampleResponse())!.AsObject();
        envelope["code"] = 200;
        var response = EnvelopeParser.Parse("POST /alibaba/refund/info", 200, "OK", Encoding.UTF8.GetBytes(envelope.ToJsonString()));
        Assert.Equal(200, response.Code);
        Assert.Equal(11, RefundInfoEndpoint.ReadData(response.Data, RequestedId).UnreadFields.Count);
    }

    [Fact]
    public void ACodeOtherThan200Or0_CarriesNoPlaceholderNote()
    {
        var error = Assert.Throws<PandaponApiException>(() =>
            EnvelopeParser.Parse("POST /alibaba/refund/info", 200, "OK", Encoding.UTF8.GetBytes("""{"requestId":"r","code":1,"msg":"x","data":null}""")));
        Assert.Equal(1, error.Code);
        Assert.DoesNotContain("placeholder", error.Message);
    }
}
