using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Pandapon.Api;
using Pandapon.Endpoints;
using Pandapon.Models;
using Pandapon.Values;
using Xunit;

namespace Pandapon.Tests;

public class RefundInfoEndpointTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    /// <summary>The fields of the seed's data object (seeds/000_612d2433f49feb28.txt), in the seed's order.</summary>
    private static readonly string[] SeedFields =
    {
        "id", "createBy", "createById", "createTime", "updateBy", "updateById", "updateTime", "remark",
        "alipayPaymentId", "applyCarriage", "applyExpect", "applyPayment", "applyReason", "applyReasonId",
        "applySubReason", "applySubReasonId", "buyerAlipayId", "buyerLogisticsName", "buyerMemberId", "buyerSendGoods",
        "buyerUserId", "canRefundPayment", "crmModifyRefund", "disburseChannel", "disputeRequest", "disputeType",
        "extInfo", "freightBill", "frozenFund", "gmtApply", "gmtCompleted", "gmtCreate", "gmtFreezed", "gmtModified",
        "gmtTimeOut", "goodsReceived", "goodsStatus", "refundId", "instantRefundType", "insufficientAccount",
        "insufficientBail", "newRefundReturn", "onlyRefund", "orderEntryCountMap", "orderEntryIdList", "orderId",
        "prepaidBalance", "productName", "refundCarriage", "refundGoods", "refundPayment", "rejectReason",
        "rejectReasonId", "rejectTimes", "sellerAlipayId", "sellerDelayDisburse", "sellerMemberId", "sellerMobile",
        "sellerRealName", "sellerReceiveAddress", "sellerTel", "sellerUserId", "status", "supportNewSteppay",
        "taskStatus", "timeOutFreeze", "timeOutOperateType", "tradeTypeStr", "refundOperationList", "buyerLoginId",
        "sellerLoginId",
    };

    private const string OperationsJson = """
        [
          {"beforeOperateStatus":"waitsellerreceive","afterOperateStatus":"refundsuccess","operateTypeInt":10,
           "operateRemark":"退款成功","discription":"卖家已确认收货，退款成功","operatorRoleId":2,
           "operatorLoginId":"杭州优品服饰","operatorUserId":"2209876543210","gmtCreate":"20240515091500000+0800",
           "freightBill":null,"msgType":2,"messageStatus":1,"vouchers":[],"logisticsCompany":null,
           "refundAddress":null,"rejectReason":null},
          {"beforeOperateStatus":"waitselleragree","afterOperateStatus":"waitsellerreceive","operateTypeInt":3,
           "operateRemark":"买家退货","discription":"已寄回，请查收","operatorRoleId":1,
           "operatorLoginId":"pandapon_buyer01","operatorUserId":2100007341207,"gmtCreate":"20240514181205000+0800",
           "freightBill":"YT7461234567890","msgType":1,"messageStatus":0,
           "vouchers":["https://img.alicdn.com/imgextra/v1.jpg","https://img.alicdn.com/imgextra/v2.jpg"],
           "logisticsCompany":{"companyName":"圆通速递","companyNo":"YTO","id":12},
           "refundAddress":"浙江省杭州市余杭区文一西路969号 张三 13800000000","rejectReason":""}
        ]
        """;

    /// <summary>Every seed field with a realistic value; ids that must stay exact are sent as JSON numbers.</summary>
    private static string FullRecord(string operations = OperationsJson) => $$"""
        {
          "id": 1790000000000000001, "createBy": "admin", "createById": 1001, "createTime": "2024-05-14 18:03:07",
          "updateBy": "系统", "updateById": 1002, "updateTime": "2024-05-15 09:15:02", "remark": "同步自1688",
          "alipayPaymentId": "2024051422001156781234567890", "applyCarriage": 800, "applyExpect": 12900,
          "applyPayment": 1, "applyReason": "不想要了", "applyReasonId": 20014, "applySubReason": "尺码不合适",
          "applySubReasonId": 200141, "buyerAlipayId": "2088102177777777", "buyerLogisticsName": "圆通速递",
          "buyerMemberId": "b2b-2100007341207", "buyerSendGoods": true, "buyerUserId": 2100007341207,
          "canRefundPayment": 9223372036854775807, "crmModifyRefund": false, "disburseChannel": "alipay",
          "disputeRequest": 3, "disputeType": 2, "extInfo": "{\"source\":\"pandapon\"}", "freightBill": "YT7461234567890",
          "frozenFund": 12900, "gmtApply": "20240514180307123+0800", "gmtCompleted": "20240515091500000+0800",
          "gmtCreate": "20240514180307000+0800", "gmtFreezed": "20240514180308000+0800",
          "gmtModified": "20240515091500000+0800", "gmtTimeOut": "20240521180307000+0800", "goodsReceived": true,
          "goodsStatus": 3, "refundId": "TQ24051418030700001", "instantRefundType": "none",
          "insufficientAccount": false, "insufficientBail": false, "newRefundReturn": true, "onlyRefund": false,
          "orderEntryCountMap": "{\"3305075341150134260\":2,\"3305075341151134260\":1}",
          "orderEntryIdList": "[3305075341150134260,3305075341151134260]", "orderId": 3305075341149134260,
          "prepaidBalance": 0, "productName": "纯棉短袖T恤 男款 白色 XL", "refundCarriage": 800, "refundGoods": true,
          "refundPayment": 12900, "rejectReason": "商品已影响二次销售", "rejectReasonId": 3001, "rejectTimes": 1,
          "sellerAlipayId": "2088201299999999", "sellerDelayDisburse": false, "sellerMemberId": "b2b-2209876543210",
          "sellerMobile": "13900000000", "sellerRealName": "李四", "sellerReceiveAddress": "浙江省杭州市余杭区文一西路969号",
          "sellerTel": "0571-88888888", "sellerUserId": "2209876543210", "status": "refundsuccess",
          "supportNewSteppay": false, "taskStatus": "done", "timeOutFreeze": false, "timeOutOperateType": "auto_agree",
          "tradeTypeStr": "50060", "refundOperationList": {{operations}}, "buyerLoginId": "pandapon_buyer01",
          "sellerLoginId": "杭州优品服饰"
        }
        """;

    private static Refund Read(string json, string? requestedRefundId = null)
    {
        using var document = JsonDocument.Parse(json);
        return RefundInfoEndpoint.ReadData(document.RootElement, requestedRefundId);
    }

    private static string Pascal(string field) => char.ToUpperInvariant(field[0]) + field.Substring(1);

    private static PropertyInfo[] RefundProperties() => typeof(Refund).GetProperties(BindingFlags.Public | BindingFlags.Instance);

    [Fact]
    public void EverySeedField_HasAPropertyOfTheSameName_AndNothingElseButCurrency()
    {
        var properties = RefundProperties().Select(p => p.Name).ToHashSet();
        Assert.All(SeedFields, field => Assert.Contains(Pascal(field), properties));
        var expected = SeedFields.Select(Pascal).Concat(new[] { "Currency", "RequestedRefundId", "UnreadFields", "DisputeTypeCode", "DisputeRequestCode", "GoodsStatusCode" }).ToHashSet();
        Assert.Empty(properties.Except(expected));
    }

    [Fact]
    public void FullRecord_FillsEveryProperty()
    {
        var refund = Read(FullRecord(), requestedRefundId: "TQ24051418030700001");
        Assert.Empty(refund.UnreadFields);
        foreach (var property in RefundProperties().Where(p => p.Name != nameof(Refund.UnreadFields)))
        {
            object? value = property.GetValue(refund);
            Assert.True(value != null, property.Name + " is null");
            if (value is System.Collections.ICollection collection) Assert.True(collection.Count > 0, property.Name + " is empty");
        }
    }

    [Fact]
    public void FullRecord_KeepsIdsExactAsStrings()
    {
        var refund = Read(FullRecord());
        Assert.Equal("TQ24051418030700001", refund.RefundId);
        Assert.Equal("3305075341149134260", refund.OrderId);
        Assert.Equal("1790000000000000001", refund.Id);
        Assert.Equal("2100007341207", refund.BuyerUserId);
        Assert.Equal("1001", refund.CreateById);
        Assert.Equal("20014", refund.ApplyReasonId);
        Assert.Equal("2088102177777777", refund.BuyerAlipayId);
        Assert.Equal(new[] { "3305075341150134260", "3305075341151134260" }, refund.OrderEntryIdList);
        Assert.Equal(2, refund.OrderEntryCountMap["3305075341150134260"]);
        Assert.Equal(1, refund.OrderEntryCountMap["3305075341151134260"]);
    }

    [Fact]
    public void FullRecord_ConvertsFenToYuan()
    {
        var refund = Read(FullRecord());
        Assert.Equal(0.01m, refund.ApplyPayment);
        Assert.Equal("0.01", refund.ApplyPayment!.Value.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("8.00", refund.ApplyCarriage!.Value.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(129m, refund.RefundPayment);
        Assert.Equal(129m, refund.ApplyExpect);
        Assert.Equal(129m, refund.FrozenFund);
        Assert.Equal(0m, refund.PrepaidBalance);
        Assert.Equal(8m, refund.RefundCarriage);
        Assert.Equal(92233720368547758.07m, refund.CanRefundPayment);
        Assert.Equal("CNY", refund.Currency);
    }

    [Fact]
    public void FullRecord_ReadsTimesAsChinaTime()
    {
        var refund = Read(FullRecord());
        Assert.Equal(new DateTimeOffset(2024, 5, 14, 18, 3, 7, 123, China), refund.GmtApply);
        Assert.Equal(China, refund.GmtApply!.Value.Offset);
        Assert.Equal(new DateTimeOffset(2024, 5, 15, 9, 15, 0, China), refund.GmtCompleted);
        Assert.Equal(new DateTimeOffset(2024, 5, 21, 18, 3, 7, China), refund.GmtTimeOut);
        Assert.Equal(new DateTimeOffset(2024, 5, 14, 18, 3, 7, China), refund.CreateTime);
        Assert.Equal(China, refund.CreateTime!.Value.Offset);
        Assert.Equal(new DateTimeOffset(2024, 5, 15, 1, 15, 2, TimeSpan.Zero), refund.UpdateTime);
    }

    [Fact]
    public void FullRecord_KeepsTextFlagsAndCodes()
    {
        var refund = Read(FullRecord());
        Assert.Equal("纯棉短袖T恤 男款 白色 XL", refund.ProductName);
        Assert.Equal("不想要了", refund.ApplyReason);
        Assert.Equal("浙江省杭州市余杭区文一西路969号", refund.SellerReceiveAddress);
        Assert.Equal("refundsuccess", refund.Status);
        Assert.Equal("{\"source\":\"pandapon\"}", refund.ExtInfo);
        Assert.True(refund.BuyerSendGoods);
        Assert.False(refund.OnlyRefund);
        Assert.Equal(3, refund.GoodsStatusCode);
        Assert.Equal(RefundGoodsStatus.BuyerReturned, refund.GoodsStatus);
        Assert.Equal(3, refund.DisputeRequestCode);
        Assert.Equal("3", refund.DisputeRequest.ToString()); // a number without a known name stays that number
        Assert.Equal(RefundDisputeType.AfterSale, refund.DisputeType);
        Assert.Equal(1, refund.RejectTimes);
    }

    [Fact]
    public void FullRecord_ReadsTheOperationHistory()
    {
        var operations = Read(FullRecord()).RefundOperationList;
        Assert.Equal(2, operations.Count);
        var first = operations[0];
        Assert.Equal("waitsellerreceive", first.BeforeOperateStatus);
        Assert.Equal("refundsuccess", first.AfterOperateStatus);
        Assert.Equal("退款成功", first.OperateRemark);
        Assert.Equal("卖家已确认收货，退款成功", first.Discription);
        Assert.Equal(2, first.OperatorRoleId);
        Assert.Equal(10, first.OperateTypeInt);
        Assert.Equal(new DateTimeOffset(2024, 5, 15, 9, 15, 0, China), first.GmtCreate);
        Assert.Empty(first.Vouchers);
        var second = operations[1];
        Assert.Equal("2100007341207", second.OperatorUserId);
        Assert.Equal("YT7461234567890", second.FreightBill);
        Assert.Equal("圆通速递", second.LogisticsCompanyName);
        Assert.Equal("YTO", second.LogisticsCompanyNo);
        Assert.Equal(new[] { "https://img.alicdn.com/imgextra/v1.jpg", "https://img.alicdn.com/imgextra/v2.jpg" }, second.Vouchers);
        Assert.Equal("https://img.alicdn.com/imgextra/v1.jpg;https://img.alicdn.com/imgextra/v2.jpg", second.Vouchers.ToString());
        Assert.Equal(1, second.MsgType);
        Assert.Equal(0, second.MessageStatus);
        Assert.Equal("", second.RejectReason);
        Assert.Equal("2 operations, last: refundsuccess 2024-05-15 09:15", operations.ToString());
    }

    [Fact]
    public void OperationList_SentAsAJsonString_ReadsLikeTheArray()
    {
        var fromArray = Read(FullRecord()).RefundOperationList;
        var fromString = Read(FullRecord(JsonSerializer.Serialize(OperationsJson))).RefundOperationList;
        Assert.Equal(fromArray.Count, fromString.Count);
        for (int i = 0; i < fromArray.Count; i++)
        {
            foreach (var property in typeof(RefundOperation).GetProperties())
                Assert.Equal(property.GetValue(fromArray[i])?.ToString(), property.GetValue(fromString[i])?.ToString());
        }
        Assert.Equal(fromArray.ToString(), fromString.ToString());
    }

    [Theory]
    [InlineData("null")]
    [InlineData("\"\"")]
    [InlineData("\"  \"")]
    [InlineData("[]")]
    [InlineData("\"[]\"")]
    public void OperationList_Absent_IsEmptyAndWritesAnEmptyCell(string operations)
    {
        var refund = Read($$"""{"refundId":"TQ24051418030700001","refundOperationList":{{operations}}}""");
        Assert.Empty(refund.RefundOperationList);
        Assert.Equal("", refund.RefundOperationList.ToString());
        Assert.Null(refund.RefundOperationList.Latest);
    }

    [Fact]
    public void NullsEverywhere_GiveNullsAndEmptyCollections()
    {
        string json = "{" + string.Join(",", SeedFields.Select(f => $"\"{f}\":null")) + "}";
        var refund = Read(json);
        foreach (var property in RefundProperties())
        {
            object? value = property.GetValue(refund);
            if (property.Name == "Currency") Assert.Equal("CNY", value);
            else if (value is System.Collections.ICollection collection) Assert.True(collection.Count == 0, property.Name + " is not empty");
            else Assert.True(value == null, property.Name + " is not null");
        }
    }

    [Fact]
    public void NullsInsideAnOperation_GiveNulls()
    {
        var operation = Read("""{"refundId":"TQ1","refundOperationList":[{"gmtCreate":null,"vouchers":null,"operatorRoleId":null,"logisticsCompany":{"companyName":null}}, null]}""")
            .RefundOperationList.Single();
        Assert.Null(operation.GmtCreate);
        Assert.Null(operation.OperatorRoleId);
        Assert.Null(operation.LogisticsCompanyName);
        Assert.Empty(operation.Vouchers);
    }

    [Fact]
    public void EmptyStrings_ReadAsNullForNumbersFlagsAndTimes()
    {
        var refund = Read("""{"refundId":"TQ1","applyPayment":"","goodsStatus":" ","onlyRefund":"","gmtApply":"","orderId":"","productName":""}""");
        Assert.Null(refund.ApplyPayment);
        Assert.Null(refund.GoodsStatus);
        Assert.Null(refund.GoodsStatusCode);
        Assert.Null(refund.OnlyRefund);
        Assert.Null(refund.GmtApply);
        Assert.Null(refund.OrderId);
        Assert.Equal("", refund.ProductName); // text is kept as sent
    }

    [Fact]
    public void NumbersAndFlagsSentAsStrings_AreRead()
    {
        var refund = Read("""
            {"refundId":"TQ24051418030700001","orderId":"3305075341149134260","applyPayment":"1230","refundPayment":" 1 ",
             "applyCarriage":"800.00","canRefundPayment":"9223372036854775807","goodsStatus":"2","disputeType":"1",
             "rejectTimes":"0","buyerSendGoods":"true","onlyRefund":"FALSE","refundGoods":"1","goodsReceived":0,
             "timeOutFreeze":1,"orderEntryIdList":"3305075341150134260, 3305075341151134260"}
            """);
        Assert.Equal("3305075341149134260", refund.OrderId);
        Assert.Equal("12.30", refund.ApplyPayment!.Value.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(0.01m, refund.RefundPayment);
        Assert.Equal(8m, refund.ApplyCarriage);
        Assert.Equal(92233720368547758.07m, refund.CanRefundPayment);
        Assert.Equal(2, refund.GoodsStatusCode);
        Assert.Equal(RefundGoodsStatus.BuyerReceived, refund.GoodsStatus);
        Assert.Equal(1, refund.DisputeTypeCode);
        Assert.Equal(RefundDisputeType.InSale, refund.DisputeType);
        Assert.Equal(0, refund.RejectTimes);
        Assert.True(refund.BuyerSendGoods);
        Assert.False(refund.OnlyRefund);
        Assert.True(refund.RefundGoods);
        Assert.False(refund.GoodsReceived);
        Assert.True(refund.TimeOutFreeze);
        Assert.Equal(new[] { "3305075341150134260", "3305075341151134260" }, refund.OrderEntryIdList);
    }

    [Fact]
    public void UnknownFields_AreIgnored()
    {
        var refund = Read("""
            {"refundId":"TQ24051418030700001","brandNewField":{"nested":[1,2,{"x":null}]},"anotherOne":12.5,
             "refundOfficialSolutionCost":"not-a-number","status":"waitselleragree",
             "refundOperationList":[{"afterOperateStatus":"waitselleragree","somethingNew":[true]}]}
            """);
        Assert.Equal("TQ24051418030700001", refund.RefundId);
        Assert.Equal("waitselleragree", refund.Status);
        Assert.Equal("waitselleragree", refund.RefundOperationList.Single().AfterOperateStatus);
    }

    [Theory]
    [InlineData("applyPayment", "\"12.5x\"", "12.5x")]
    [InlineData("applyPayment", "12.5", "12.5")]
    [InlineData("refundPayment", "92233720368547758070", "92233720368547758070")]
    [InlineData("refundPayment", "true", "true")]
    [InlineData("gmtApply", "\"yesterday\"", "yesterday")]
    [InlineData("gmtApply", "\"20241315091500000+0800\"", "20241315091500000+0800")]
    [InlineData("createTime", "\"2024-02-30 00:00:00\"", "2024-02-30 00:00:00")]
    [InlineData("buyerSendGoods", "\"maybe\"", "maybe")]
    [InlineData("goodsStatus", "\"two\"", "two")]
    [InlineData("orderId", "3.305075341149134e18", "3.305075341149134e18")]
    [InlineData("orderId", "{\"id\":1}", "{\"id\":1}")]
    [InlineData("orderEntryCountMap", "\"{3305075341150134260=two}\"", "{3305075341150134260=two}")]
    [InlineData("refundOperationList", "\"not a list\"", "not a list")]
    [InlineData("refundOperationList", "42", "42")]
    public void BadValue_IsRecordedWithItsRawValue_AndTheRecordIsKept(string field, string json, string recorded)
    {
        var refund = Read($$"""{"refundId":"TQ24051418030700001","status":"refundsuccess","{{field}}":{{json}}}""", "TQ24051418030700001");
        Assert.Equal("TQ24051418030700001", refund.RefundId);
        Assert.Equal("refundsuccess", refund.Status);
        Assert.Equal(new[] { field }, refund.UnreadFields.Keys);
        Assert.Equal(recorded, refund.UnreadFields[field]);
        Assert.Equal("Refund TQ24051418030700001: 1 field could not be read and is empty: " + field + " \"" + recorded + "\".",
            ((IHasUnreadFields)refund).UnreadFields.Warning(((IHasUnreadFields)refund).RecordLabel));
    }

    [Fact]
    public void BadValueInAnOperation_IsRecordedByItsPlaceInTheHistory()
    {
        string operations = """[{"gmtCreate":"20240515091500000+0800","msgType":2},{"gmtCreate":"2024/05/14","msgType":1}]""";
        var refund = Read(FullRecord(operations));
        Assert.Equal(new[] { "refundOperationList[1].gmtCreate" }, refund.UnreadFields.Keys);
        Assert.Equal("2024/05/14", refund.UnreadFields["refundOperationList[1].gmtCreate"]);
        Assert.Equal(2, refund.RefundOperationList.Count);
        Assert.Null(refund.RefundOperationList[1].GmtCreate);
        Assert.Equal(1, refund.RefundOperationList[1].MsgType);

        var inString = Read(FullRecord(JsonSerializer.Serialize(operations)));
        Assert.Equal(new[] { "refundOperationList[1].gmtCreate" }, inString.UnreadFields.Keys);

        var notAnObject = Read(FullRecord("""[{"msgType":1}, "x", null, {"msgType":3}]"""));
        Assert.Equal(new[] { "refundOperationList[1]" }, notAnObject.UnreadFields.Keys);
        Assert.Equal("x", notAnObject.UnreadFields["refundOperationList[1]"]);
        Assert.Equal(new int?[] { 1, 3 }, notAnObject.RefundOperationList.Select(o => o.MsgType));
    }

    [Theory]
    [InlineData("""{"applyPayment":1}""", "(missing)")]
    [InlineData("""{"refundId":"","applyPayment":1}""", "")]
    [InlineData("""{"refundId":null,"applyPayment":1}""", "null")]
    [InlineData("""{"refundId":"TQ11111111111111111","applyPayment":1}""", "TQ11111111111111111")]
    [InlineData("""{"refundId":{"x":1},"applyPayment":1}""", "{\"x\":1}")]
    public void RefundIdMissingEmptyOrNotTheOneAskedFor_IsReported_AndTheRequestedIdKept(string data, string recorded)
    {
        var refund = Read(data, requestedRefundId: "TQ99");
        Assert.Null(refund.RefundId);
        Assert.Equal("TQ99", refund.RequestedRefundId);
        Assert.Equal(0.01m, refund.ApplyPayment);
        Assert.Equal(recorded, refund.UnreadFields["refundId"]);
        Assert.Single(refund.UnreadFields);
        Assert.StartsWith("Refund TQ99: 1 field could not be read and is empty: refundId \"", refund.UnreadFields.Warning(((IHasUnreadFields)refund).RecordLabel));
        Assert.Equal("TQ99", refund.ToString());
    }

    [Fact]
    public void RefundIdAsAsked_IsNotReported_AndWithoutARequestNothingIsCompared()
    {
        var same = Read("""{"refundId":"tq99"}""", requestedRefundId: "TQ99");
        Assert.Equal("tq99", same.RefundId);
        Assert.Empty(same.UnreadFields);

        var fromAFile = Read("""{"applyPayment":1}""");
        Assert.Null(fromAFile.RequestedRefundId);
        Assert.Empty(fromAFile.UnreadFields);
        Assert.Equal("Refund without a refundId", ((IHasUnreadFields)fromAFile).RecordLabel);
    }

    [Fact]
    public void LongBadValue_IsShortenedInTheRecord()
    {
        string longText = new string('x', 500);
        var refund = Read($$"""{"refundId":"TQ1","applyPayment":"{{longText}}"}""");
        Assert.Equal(ShownValue.Long + 1, refund.UnreadFields["applyPayment"].Length);
        Assert.EndsWith("…", refund.UnreadFields["applyPayment"]);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("\"TQ1\"")]
    [InlineData("true")]
    public void DataThatIsNotARefund_IsAnError(string data)
    {
        var error = Assert.Throws<PandaponDataException>(() => Read(data, requestedRefundId: "TQ24051418030700001"));
        Assert.Equal("data", error.Field);
        Assert.StartsWith("Refund 'TQ24051418030700001': cannot read field 'data'", error.Message);
        Assert.Equal("refund", error.RecordName);
    }

    [Fact]
    public void DataSentAsAJsonString_IsRead()
    {
        var refund = Read(JsonSerializer.Serialize(FullRecord()));
        Assert.Equal("3305075341149134260", refund.OrderId);
        Assert.Equal(2, refund.RefundOperationList.Count);
    }

    [Theory]
    [InlineData(0L, "0.00")]
    [InlineData(1L, "0.01")]
    [InlineData(-1L, "-0.01")]
    [InlineData(99L, "0.99")]
    [InlineData(100L, "1.00")]
    [InlineData(1230L, "12.30")]
    [InlineData(123456789012345678L, "1234567890123456.78")]
    [InlineData(long.MaxValue, "92233720368547758.07")]
    [InlineData(long.MinValue, "-92233720368547758.08")]
    public void FenToYuan_IsExactForEveryLong(long fen, string yuan)
    {
        decimal converted = LenientJson.FenToYuan(fen);
        Assert.Equal(yuan, converted.ToString(CultureInfo.InvariantCulture));
        Assert.Equal((decimal)fen, converted * 100m);
        string number = fen.ToString(CultureInfo.InvariantCulture);
        Assert.Equal(converted, Read($$"""{"applyPayment":{{number}}}""").ApplyPayment);
        Assert.Equal(converted, Read($$"""{"applyPayment":"{{number}}"}""").ApplyPayment);
    }

    [Theory]
    [InlineData("\"20180423171116000+0800\"", "2018-04-23T17:11:16.0000000+08:00")]
    [InlineData("\"20180423171116123+0800\"", "2018-04-23T17:11:16.1230000+08:00")]
    [InlineData("\"20180423171116+0800\"", "2018-04-23T17:11:16.0000000+08:00")]
    [InlineData("\"20180423171116000\"", "2018-04-23T17:11:16.0000000+08:00")]
    [InlineData("\"20180423171116000-0500\"", "2018-04-23T17:11:16.0000000-05:00")]
    [InlineData("20180423171116000", "2018-04-23T17:11:16.0000000+08:00")]
    [InlineData("\"2024-05-15 09:15:00\"", "2024-05-15T09:15:00.0000000+08:00")]
    [InlineData("\"2024-05-15 09:15\"", "2024-05-15T09:15:00.0000000+08:00")]
    [InlineData("\"2024-05-15 09:15:00.5\"", "2024-05-15T09:15:00.5000000+08:00")]
    [InlineData("\"2024-05-15T09:15:00+08:00\"", "2024-05-15T09:15:00.0000000+08:00")]
    [InlineData("\"2024-05-15T01:15:00Z\"", "2024-05-15T01:15:00.0000000+00:00")]
    [InlineData("\"2024-05-15\"", "2024-05-15T00:00:00.0000000+08:00")]
    [InlineData("\"1715735700000\"", "2024-05-15T09:15:00.0000000+08:00")]
    [InlineData("1715735700000", "2024-05-15T09:15:00.0000000+08:00")]
    public void Times_AreReadInEveryFormTheApiUses(string json, string expected)
    {
        var time = Read($$"""{"gmtModified":{{json}}}""").GmtModified;
        Assert.Equal(expected, time!.Value.ToString("o", CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("\"20180423171116000+08000\"")]
    [InlineData("\"201804231711\"")]
    [InlineData("\"20180423251116000+0800\"")]
    [InlineData("\"1715735700\"")]
    [InlineData("1715735700")]
    [InlineData("\"15/05/2024 09:15\"")]
    [InlineData("\"2024-05-15 9:15\"")]
    [InlineData("\"2024-05-15 09:15:00 CST\"")]
    [InlineData("\"2024-05-15 09:15:00+15:00\"")]
    public void Times_InNoKnownForm_AreNotGuessed(string json)
    {
        var refund = Read($$"""{"refundId":"TQ1","gmtModified":{{json}}}""");
        Assert.Null(refund.GmtModified);
        Assert.Equal(new[] { "gmtModified" }, refund.UnreadFields.Keys);
    }

    [Theory]
    [InlineData("\"[3305075341150134260,3305075341151134260]\"")]
    [InlineData("[3305075341150134260,\"3305075341151134260\"]")]
    [InlineData("\"3305075341150134260;3305075341151134260\"")]
    [InlineData("\"[3305075341150134260, 3305075341151134260]\"")]
    [InlineData("\"[\\\"3305075341150134260\\\", \\\"3305075341151134260\\\"]\"")]
    public void OrderEntryIdList_IsReadFromArrayOrText(string json)
    {
        var ids = Read($$"""{"orderEntryIdList":{{json}}}""").OrderEntryIdList;
        Assert.Equal(new[] { "3305075341150134260", "3305075341151134260" }, ids);
        Assert.Equal("3305075341150134260;3305075341151134260", ids.ToString());
    }

    [Theory]
    [InlineData("\"{\\\"3305075341150134260\\\":2,\\\"3305075341151134260\\\":1}\"")]
    [InlineData("{\"3305075341150134260\":\"2\",\"3305075341151134260\":1}")]
    [InlineData("\"{3305075341150134260=2, 3305075341151134260=1}\"")]
    public void OrderEntryCountMap_IsReadFromObjectOrText(string json)
    {
        var counts = Read($$"""{"orderEntryCountMap":{{json}}}""").OrderEntryCountMap;
        Assert.Equal(new[] { "3305075341150134260", "3305075341151134260" }, counts.Keys);
        Assert.Equal(new[] { 2, 1 }, counts.Values);
        Assert.Equal("3305075341150134260=2;3305075341151134260=1", counts.ToString());
    }

    [Fact]
    public void OperationList_Summary_UsesTheLatestTime_WhateverTheOrder()
    {
        var older = new RefundOperation { AfterOperateStatus = "waitsellerreceive", GmtCreate = new DateTimeOffset(2024, 5, 14, 18, 12, 5, China) };
        var newer = new RefundOperation { AfterOperateStatus = "refundsuccess", GmtCreate = new DateTimeOffset(2024, 5, 15, 9, 15, 0, China) };
        Assert.Equal("2 operations, last: refundsuccess 2024-05-15 09:15", new RefundOperationList(new[] { older, newer }).ToString());
        Assert.Same(newer, new RefundOperationList(new[] { older, newer }).Latest);
        Assert.Equal("1 operation, last: waitsellerreceive 2024-05-14 18:12", new RefundOperationList(new[] { older }).ToString());

        // Without times, the first is the latest: 1688 sends the newest first.
        var untimed = new RefundOperationList(new[] { new RefundOperation { OperateRemark = "退款成功" }, new RefundOperation() });
        Assert.Equal("2 operations, last: 退款成功", untimed.ToString());
        Assert.Equal("1 operation", new RefundOperationList(new[] { new RefundOperation() }).ToString());
    }

    [Fact]
    public void Operation_ReadsAsOneLine()
    {
        var operation = new RefundOperation
        {
            BeforeOperateStatus = "waitsellerreceive",
            AfterOperateStatus = "refundsuccess",
            GmtCreate = new DateTimeOffset(2024, 5, 15, 9, 15, 0, China),
        };
        Assert.Equal("2024-05-15 09:15 waitsellerreceive -> refundsuccess", operation.ToString());
        Assert.Equal("买家退货", new RefundOperation { OperateRemark = "买家退货" }.ToString());
    }

    [Theory]
    [InlineData(1, "Refund", "InSale", "BuyerNotReceived")]
    [InlineData(2, "ReturnRefund", "AfterSale", "BuyerReceived")]
    [InlineData(3, "3", "3", "BuyerReturned")]
    [InlineData(7, "7", "7", "7")]
    public void Codes_HaveNames_WhereTheirMeaningIsKnown_AndStayNumbersOtherwise(int code, string request, string type, string goods)
    {
        var refund = Read($$"""{"refundId":"TQ1","disputeRequest":{{code}},"disputeType":"{{code}}","goodsStatus":{{code}}}""");
        Assert.Equal(request, refund.DisputeRequest.ToString());
        Assert.Equal(type, refund.DisputeType.ToString());
        Assert.Equal(goods, refund.GoodsStatus.ToString());
        Assert.Equal(code, refund.DisputeRequestCode);
        Assert.Equal(code, refund.DisputeTypeCode);
        Assert.Equal(code, refund.GoodsStatusCode);
        Assert.Empty(refund.UnreadFields);
    }

    [Fact]
    public void DisputeRequest_ReadsWithTheNamesNewPandaponRefundTakes()
        => Assert.Equal(RefundDisputeRequest.ReturnRefund, Read("""{"disputeRequest":2}""").DisputeRequest);

    [Fact]
    public void Refund_ReadsAsItsId()
        => Assert.Equal("TQ24051418030700001", Read(FullRecord()).ToString());
}
