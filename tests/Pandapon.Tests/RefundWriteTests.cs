using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Pandapon.Api;
using Pandapon.Client;
using Pandapon.Endpoints;
using Pandapon.Models;
using Pandapon.Values;
using Xunit;

namespace Pandapon.Tests;

/// <summary>The write path's core: yuan to fen, the checks of New-PandaponRefund and Submit-PandaponReturnShipment, and the bodies they send.</summary>
public class RefundWriteTests
{
    private const string Order = "2019601741959504495";
    private const string Entry1 = "2019601741960504495";
    private const string Entry2 = "2019601741961504495";
    private const string Voucher = "https://cbu01.alicdn.com/img/ibank/O1CN01a_!!2200000000-0-cib.jpg";

    private static RefundCreateEndpoint Application(string? orderId = Order, string[]? entries = null, RefundDisputeRequest dispute = RefundDisputeRequest.Refund,
        decimal payment = 123.45m, decimal carriage = 0m, string? reason = "20005", string? description = "物流长时间未更新", string? goodsStatus = "refundWaitBuyerReceive",
        string?[]? vouchers = null, IEnumerable<KeyValuePair<string, object?>>? counts = null)
        => RefundCreateEndpoint.Check(TestParameterNames.RefundCreate, orderId, entries ?? new[] { Entry1 }, dispute, payment, carriage, reason, description, goodsStatus, vouchers, counts);

    private static string Refused(Func<object> create)
    {
        var e = Assert.Throws<InvalidValueException>(create);
        return e.Message;
    }

    private static ApiResponse Response(string dataJson, string requestId = "0d1de79d9f4540308d14c558f86cb3da")
    {
        var envelope = JsonDocument.Parse($$"""{"requestId":"{{requestId}}","code":200,"msg":"成功","data":{{dataJson}}}""").RootElement.Clone();
        return new ApiResponse(requestId, 200, "成功", null, envelope.GetProperty("data"), envelope, 200);
    }

    // ---- yuan and fen

    [Theory]
    [InlineData("123.45", 12345)]
    [InlineData("0.01", 1)]
    [InlineData("0", 0)]
    [InlineData("123.450", 12345)]
    [InlineData("100", 10000)]
    [InlineData("92233720368547758.07", long.MaxValue)]
    public void YuanToFen_IsExact(string yuan, long fen)
        => Assert.Equal(fen, Money.YuanToFen(decimal.Parse(yuan, System.Globalization.CultureInfo.InvariantCulture), "-ApplyPayment"));

    [Fact]
    public void YuanToFen_RefusesAThirdDecimal_InsteadOfRounding()
    {
        string message = Refused(() => Money.YuanToFen(123.456m, "-ApplyPayment"));
        Assert.StartsWith("-ApplyPayment 123.456 is not valid: it has more than two decimal places.", message);
        Assert.Contains("does not round", message);
        Refused(() => Money.YuanToFen(0.001m, "-ApplyCarriage"));
    }

    [Fact]
    public void YuanToFen_RefusesNegativeAndTooLargeAmounts()
    {
        Assert.Equal("-ApplyCarriage -1 is not valid: an amount cannot be negative.", Refused(() => Money.YuanToFen(-1m, "-ApplyCarriage")));
        Assert.Contains("too large", Refused(() => Money.YuanToFen(92233720368547758.08m, "-ApplyPayment")));
        Assert.Contains("too large", Refused(() => Money.YuanToFen(decimal.MaxValue, "-ApplyPayment")));
    }

    [Fact]
    public void FenToYuan_RoundTripsWithTwoDecimals()
    {
        Assert.Equal("123.45", Money.FenToYuan(Money.YuanToFen(123.45m, "x")).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("7.00", Money.FenToYuan(700).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("123.45")]
    [InlineData(" 123.45 ")]
    [InlineData("¥123.45")]
    [InlineData("￥ 123.45")]
    [InlineData("123.45元")]
    [InlineData("123.45 CNY")]
    public void ParseYuan_ReadsWhatACsvCellHolds(string text) => Assert.Equal(123.45m, Money.ParseYuan(text, "-ApplyPayment"));

    [Fact]
    public void ParseYuan_RefusesCommasAndText_NamingTheParameter()
    {
        Assert.Contains("point as the decimal separator", Refused(() => Money.ParseYuan("1,234.50", "-ApplyPayment")));
        Assert.StartsWith("-ApplyPayment '12,5' is not valid", Refused(() => Money.ParseYuan("12,5", "-ApplyPayment")));
        Assert.StartsWith("-ApplyPayment 'abc' is not valid", Refused(() => Money.ParseYuan("abc", "-ApplyPayment")));
        Assert.StartsWith("-ApplyPayment '' is not valid", Refused(() => Money.ParseYuan("", "-ApplyPayment")));
    }

    // ---- the refund application's body

    [Fact]
    public void Body_HasEveryDocumentedField_IdsAndFenAsJsonNumbers()
    {
        var application = Application(entries: new[] { Entry1 + ";" + Entry2 }, dispute: RefundDisputeRequest.ReturnRefund, payment: 123.45m, carriage: 6m,
            reason: "20022", description: "尺码偏小，退回", goodsStatus: "REFUNDBUYERRECEIVED", vouchers: new[] { Voucher },
            counts: new[] { new KeyValuePair<string, object?>(Entry2, "1"), new KeyValuePair<string, object?>(Entry1, 2) });
        Assert.Equal(
            "{\"orderId\":2019601741959504495,\"orderEntryIds\":[2019601741960504495,2019601741961504495],\"disputeRequest\":\"returnRefund\"," +
            "\"applyPayment\":12345,\"applyCarriage\":600,\"applyReasonId\":20022,\"description\":\"尺码偏小，退回\",\"goodsStatus\":\"refundBuyerReceived\"," +
            "\"vouchers\":[\"" + Voucher + "\"],\"orderEntryCountList\":[{\"id\":2019601741960504495,\"count\":2},{\"id\":2019601741961504495,\"count\":1}]}",
            application.Body());
    }

    [Fact]
    public void Body_Keeps19DigitIdsExact_WhereADoubleWouldNot()
    {
        using var body = JsonDocument.Parse(Application(orderId: "9223372036854775807").Body());
        Assert.Equal("9223372036854775807", body.RootElement.GetProperty("orderId").GetRawText());
        Assert.Equal(Entry1, body.RootElement.GetProperty("orderEntryIds")[0].GetRawText());
        Assert.NotEqual(Order, ((double)long.Parse(Order)).ToString("R", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Body_LeavesOutEmptyVouchersAndCounts_AndSendsRefundForRefundOnly()
    {
        using var body = JsonDocument.Parse(Application(vouchers: new[] { "", null }).Body());
        Assert.False(body.RootElement.TryGetProperty("vouchers", out _));
        Assert.False(body.RootElement.TryGetProperty("orderEntryCountList", out _));
        Assert.Equal("refund", body.RootElement.GetProperty("disputeRequest").GetString());
        Assert.Equal(0, body.RootElement.GetProperty("applyCarriage").GetInt64());
    }

    [Fact]
    public void Request_IsAPostThatIsNeverRetried()
    {
        ApiRequest request = Application().Request();
        Assert.Equal("POST", request.Method);
        Assert.Equal("/alibaba/refund/detail/create", request.Path);
        Assert.False(request.Idempotent);
        Assert.Equal(Application().Body(), request.Body);
    }

    // ---- the checks, each naming the parameter and the value

    [Theory]
    [InlineData("20196017419595044950", "-OrderId '20196017419595044950' is not valid")]
    [InlineData("9223372036854775808", "-OrderId '9223372036854775808' is not valid")]
    [InlineData("2019-6017", "-OrderId '2019-6017' is not valid: an order id is digits only")]
    [InlineData("0", "-OrderId '0' is not valid")]
    [InlineData("", "-OrderId '' is not valid: an order id is required")]
    public void OrderId_MustBeA64BitId(string orderId, string expected) => Assert.StartsWith(expected, Refused(() => Application(orderId: orderId)));

    [Fact]
    public void OrderId_FromASpreadsheetInScientificNotation_SaysWhatHappened()
    {
        Assert.Contains("scientific notation", Refused(() => Application(orderId: "2.0196E+18")));
        Assert.Contains("scientific notation", Refused(() => Application(entries: new[] { "2.01960174196050E+18" })));
        Assert.DoesNotContain("scientific notation", Refused(() => Application(orderId: "E12")));
    }

    [Fact]
    public void OrderEntryIds_AreSplitOnSemicolonsAndCommas_AndDeduplicated()
    {
        var application = Application(entries: new[] { Entry1 + "; " + Entry2, Entry1, " " + Entry2 + "," });
        Assert.Equal(new[] { long.Parse(Entry1), long.Parse(Entry2) }, application.OrderEntryIds);
        Assert.StartsWith("-OrderEntryId is required", Refused(() => Application(entries: new[] { " ; " })));
        Assert.StartsWith("-OrderEntryId 'x1' is not valid", Refused(() => Application(entries: new[] { Entry1 + ";x1" })));
    }

    [Fact]
    public void Description_Is2To150Characters_AsJavaCountsThem()
    {
        Application(description: "ab");
        Application(description: new string('退', 150));
        Application(description: string.Concat(Enumerable.Repeat("😀", 75)));
        string tooLong = Refused(() => Application(description: new string('x', 151)));
        Assert.StartsWith("-Description 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…' is not valid: it is 151 characters long; PandaPon accepts 2 to 150", tooLong);
        Assert.Contains("is 152 characters long", Refused(() => Application(description: string.Concat(Enumerable.Repeat("😀", 76)))));
        Assert.StartsWith("-Description 'x' is not valid: it is 1 characters long", Refused(() => Application(description: "x")));
        Assert.StartsWith("-Description is required", Refused(() => Application(description: "   ")));
    }

    [Fact]
    public void GoodsStatus_IsOneOfTheFive_SpelledAsTheApiSpellsIt()
    {
        Assert.Equal("aftersaleBuyerNotReceived", Application(goodsStatus: " aftersalebuyernotreceived ").GoodsStatus);
        Assert.StartsWith("-GoodsStatus 'received' is not valid: it is one of refundWaitSellerSend, refundWaitBuyerReceive",
            Refused(() => Application(goodsStatus: "received")));
    }

    [Fact]
    public void Vouchers_AreOneToFiveAbsoluteHttpUrls()
    {
        Assert.Equal(5, Application(vouchers: Enumerable.Repeat(Voucher, 5).ToArray()).Vouchers.Count);
        Assert.Equal(2, Application(vouchers: new[] { Voucher + ";" + Voucher }).Vouchers.Count);
        Assert.Equal("-Voucher is not valid: 6 URLs were given; PandaPon accepts at most 5.", Refused(() => Application(vouchers: Enumerable.Repeat(Voucher, 6).ToArray())));
        Assert.StartsWith("-Voucher 'ftp://example.com/a.jpg' is not valid: a voucher is the absolute http or https URL", Refused(() => Application(vouchers: new[] { "ftp://example.com/a.jpg" })));
        Assert.StartsWith("-Voucher 'img/a.jpg' is not valid", Refused(() => Application(vouchers: new[] { "img/a.jpg" })));
    }

    [Fact]
    public void ReasonId_AndAmounts_AreChecked()
    {
        Assert.StartsWith("-ReasonId 'abc' is not valid", Refused(() => Application(reason: "abc")));
        Assert.StartsWith("-ApplyPayment 123.456 is not valid", Refused(() => Application(payment: 123.456m)));
        Assert.StartsWith("-ApplyCarriage -0.01 is not valid", Refused(() => Application(carriage: -0.01m)));
        Assert.StartsWith("-DisputeRequest '3' is not valid", Refused(() => Application(dispute: (RefundDisputeRequest)3)));
    }

    [Fact]
    public void EntryCounts_ArePositiveWholeQuantities_OfNamedEntries()
    {
        KeyValuePair<string, object?>[] Count(string id, object? quantity) => new[] { new KeyValuePair<string, object?>(id, quantity) };
        Assert.Equal(3, Application(counts: Count(Entry1, 3L)).OrderEntryCounts[0].Value);
        Assert.Equal(3, Application(counts: Count(Entry1, 3.0)).OrderEntryCounts[0].Value);
        Assert.Equal(3, Application(counts: Count(Entry1, " 3")).OrderEntryCounts[0].Value);
        Assert.StartsWith($"-OrderEntryCount '{Entry2}' is not valid: every entry it counts must also be in -OrderEntryId", Refused(() => Application(counts: Count(Entry2, 1))));
        Assert.StartsWith($"-OrderEntryCount '{Entry1}=0' is not valid: a quantity is a whole number of at least 1", Refused(() => Application(counts: Count(Entry1, 0))));
        Assert.Contains("whole number", Refused(() => Application(counts: Count(Entry1, 1.5))));
        Assert.Contains("whole number", Refused(() => Application(counts: Count(Entry1, "two"))));
        Assert.StartsWith($"-OrderEntryCount '{Entry1}=(Hashtable)' is not valid: a quantity is a whole number", Refused(() => Application(counts: Count(Entry1, new System.Collections.Hashtable { ["a"] = 1 }))));
        Assert.StartsWith($"-OrderEntryCount '{Entry1}=(null)' is not valid", Refused(() => Application(counts: Count(Entry1, null))));
        Assert.StartsWith("-OrderEntryCount 'abc' is not valid", Refused(() => Application(counts: Count("abc", 1))));
    }

    [Fact]
    public void EntryCountText_ReadsPairsOrJson()
    {
        var pairs = RefundCreateEndpoint.ParseEntryCounts($"{Entry1}=2; {Entry2}:1", TestParameterNames.RefundCreate);
        Assert.Equal(new[] { Entry1, Entry2 }, pairs.Select(p => p.Key));
        Assert.Equal(new object?[] { "2", "1" }, pairs.Select(p => p.Value));
        var json = RefundCreateEndpoint.ParseEntryCounts($"{{\"{Entry1}\":2}}", TestParameterNames.RefundCreate);
        Assert.Equal(2, Application(counts: json).OrderEntryCounts[0].Value);
        Assert.Empty(RefundCreateEndpoint.ParseEntryCounts("  ", TestParameterNames.RefundCreate));
        Assert.Contains("write each entry as id=quantity", Assert.Throws<InvalidValueException>(() => RefundCreateEndpoint.ParseEntryCounts(Entry1, TestParameterNames.RefundCreate)).Message);
        Assert.Contains("not valid JSON", Assert.Throws<InvalidValueException>(() => RefundCreateEndpoint.ParseEntryCounts("{\"1\":", TestParameterNames.RefundCreate)).Message);
    }

    // ---- reading the answer

    [Fact]
    public void ReadResult_TakesTheRefundIdAndEchoesTheApplication()
    {
        var application = Application(carriage: 7m);
        RefundCreateResult result = application.Read(Response("""{"refundId":"TQ72737564283157128"}"""));
        Assert.Equal("TQ72737564283157128", result.RefundId);
        Assert.Equal(Order, result.OrderId);
        Assert.Equal(new[] { Entry1 }, result.OrderEntryIdList);
        Assert.Equal(123.45m, result.ApplyPayment);
        Assert.Equal("7.00", result.ApplyCarriage.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("CNY", result.Currency);
        Assert.Equal("0d1de79d9f4540308d14c558f86cb3da", result.RequestId);
        Assert.Equal("TQ2", application.Read(Response("""{"result":{"refundId":"TQ2"}}""")).RefundId);
        Assert.Equal("TQ3", application.Read(Response("\"TQ3\"")).RefundId);
    }

    [Fact]
    public void ReadResult_WithoutARefundId_IsAnInvalidResponseThatMayHaveTakenEffect()
    {
        var e = Assert.Throws<PandaponApiException>(() => Application().Read(Response("""{"success":true}""")));
        Assert.Equal(ApiErrorKind.InvalidResponse, e.Kind);
        Assert.Contains("'data.refundId'", e.Message);
        Assert.Equal("0d1de79d9f4540308d14c558f86cb3da", e.RequestId);
        Assert.True(e.MayHaveTakenEffect);
    }

    // ---- the return shipment

    [Fact]
    public void ReturnShipment_Body_AndChecks()
    {
        var shipment = ReturnShipmentEndpoint.Check(TestParameterNames.ReturnShipment, " tq38953484935887616 ", "ZTO", " 781234567890123 ", "已寄回", new[] { Voucher });
        Assert.Equal("{\"refundId\":\"TQ38953484935887616\",\"logisticsCompanyNo\":\"ZTO\",\"freightBill\":\"781234567890123\",\"description\":\"已寄回\",\"vouchers\":[\"" + Voucher + "\"]}",
            shipment.Body());
        Assert.False(shipment.Request().Idempotent);
        Assert.Equal("/alibaba/refund/goods/return", shipment.Request().Path);
        Assert.Equal("{\"refundId\":\"TQ1\",\"logisticsCompanyNo\":\"SF\",\"freightBill\":\"SF1\"}", ReturnShipmentEndpoint.Check(TestParameterNames.ReturnShipment, "TQ1", "SF", "SF1", " ").Body());

        Assert.StartsWith("-RefundId '12345' is not valid: a 1688 refund id is \"TQ\" followed by digits", Refused(() => ReturnShipmentEndpoint.Check(TestParameterNames.ReturnShipment, "12345", "ZTO", "1")));
        Assert.StartsWith("-LogisticsCompanyNo '' is not valid: a carrier's companyNo (for example ZTO) is required", Refused(() => ReturnShipmentEndpoint.Check(TestParameterNames.ReturnShipment, "TQ1", "", "1")));
        Assert.StartsWith("-FreightBill '78 12' is not valid", Refused(() => ReturnShipmentEndpoint.Check(TestParameterNames.ReturnShipment, "TQ1", "ZTO", "78 12")));
        Assert.Equal("-Voucher is not valid: 11 URLs were given; PandaPon accepts at most 10.",
            Refused(() => ReturnShipmentEndpoint.Check(TestParameterNames.ReturnShipment, "TQ1", "ZTO", "1", null, Enumerable.Repeat(Voucher, 11).ToArray())));
        Assert.Equal(10, ReturnShipmentEndpoint.Check(TestParameterNames.ReturnShipment, "TQ1", "ZTO", "1", null, Enumerable.Repeat(Voucher, 10).ToArray()).Vouchers.Count);

        var result = shipment.Read(Response("""{"success":true,"errorCode":"","errorInfo":""}"""));
        Assert.Equal("TQ38953484935887616", result.RefundId);
        Assert.Equal(Voucher, result.Vouchers.ToString());
    }

    // ---- errors: hints for 1688's codes, and whether a failed write may have happened

    [Theory]
    [InlineData(4002, "-LogisticsCompanyNo")]
    [InlineData(4004, "Check -FreightBill")]
    [InlineData(4005, "Check -RefundId")]
    [InlineData(4007, "waitbuyersend")]
    public void ReturnShipmentCodes_CarryAHint(int code, string hint)
    {
        var e = Assert.Throws<PandaponApiException>(() => EnvelopeParser.Parse("POST /alibaba/refund/goods/return", 200, "OK",
            Encoding.UTF8.GetBytes($$"""{"requestId":"r1","code":{{code}},"msg":"退款单不存在","data":null}"""), upstreamHints: ReturnShipmentEndpoint.Hints(TestParameterNames.ReturnShipment)));
        Assert.Equal(ApiErrorKind.Business, e.Kind);
        Assert.Equal(code, e.Code);
        Assert.Contains(hint, e.RecommendedAction);
        Assert.Contains($"code {code}, msg '退款单不存在', requestId r1", e.Message);
        Assert.False(e.MayHaveTakenEffect);
    }

    [Fact]
    public void UpstreamHints_BelongToTheirEndpoint_AndComeFromDataSuccessFalseToo()
    {
        var elsewhere = Assert.Throws<PandaponApiException>(() => EnvelopeParser.Parse("POST /alibaba/refund/info", 200, "OK",
            Encoding.UTF8.GetBytes("""{"code":4005,"msg":"x"}""")));
        Assert.Null(elsewhere.RecommendedAction);
        var inData = Assert.Throws<PandaponApiException>(() => EnvelopeParser.Parse("POST /alibaba/refund/goods/return", 200, "OK",
            Encoding.UTF8.GetBytes("""{"code":200,"data":{"success":false,"errorCode":"4007","errorInfo":"状态不允许"}}"""),
            upstreamHints: ReturnShipmentEndpoint.Hints(TestParameterNames.ReturnShipment)));
        Assert.Equal(4007, inData.Code);
        Assert.Contains("waitbuyersend", inData.RecommendedAction);
        var create = Assert.Throws<PandaponApiException>(() => EnvelopeParser.Parse("POST /alibaba/refund/detail/create", 200, "OK",
            Encoding.UTF8.GetBytes("""{"code":5005,"msg":"该退款原因需要上传凭证"}"""), upstreamHints: Application().Request().UpstreamHints));
        Assert.Contains("-Voucher", create.RecommendedAction);
        var invoked = Assert.Throws<PandaponApiException>(() => EnvelopeParser.Parse("POST /alibaba/refund/detail/create", 200, "OK",
            Encoding.UTF8.GetBytes("""{"code":5005,"msg":"x"}"""), upstreamHints: RefundCreateEndpoint.Hints(ParameterNames.ApiFields)));
        Assert.Contains("with vouchers", invoked.RecommendedAction);
    }

    [Fact]
    public void MayHaveTakenEffect_OnlyWhenTheRequestCouldHaveBeenCarriedOut()
    {
        const string op = "POST /alibaba/refund/detail/create";
        var endpoint = new Uri("http://127.0.0.1:1/");
        Assert.True(PandaponApiException.TimedOut(op, TimeSpan.FromSeconds(1)).MayHaveTakenEffect);
        Assert.True(PandaponApiException.Unreachable(op, endpoint, new HttpRequestException("reset", new IOException("connection reset"))).MayHaveTakenEffect);
        var refused = PandaponApiException.Unreachable(op, endpoint, new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused)));
        Assert.False(refused.MayHaveTakenEffect);
        Assert.DoesNotContain("connection broke", refused.Message);
        Assert.True(PandaponApiException.FromEnvelope(op, 500, 50001, "internal error", "r", null).MayHaveTakenEffect);
        Assert.False(PandaponApiException.FromEnvelope(op, 429, 42901, "too many requests", "r", null).MayHaveTakenEffect);
        Assert.False(PandaponApiException.FromEnvelope(op, 401, 40104, "signature mismatch", "r", null).MayHaveTakenEffect);

        var policy = new RetryPolicy(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, () => 0);
        var post = new ApiRequest("POST", "/alibaba/refund/detail/create");
        Assert.DoesNotContain("may or may not", policy.Decide(post, refused, 1).NoteIfNotRetried);
        Assert.Contains("may or may not", policy.Decide(post, PandaponApiException.FromEnvelope(op, 500, 50001, "x", "r", null), 1).NoteIfNotRetried);
    }
}
