using Pandapon.Endpoints;
using Pandapon.Values;
using Xunit;

namespace Pandapon.Tests;

/// <summary>The Taobao after-sales endpoints' checks and requests (docs/api-taobao-refunds.md §5-§8).</summary>
public class TaobaoRefundEndpointTests
{
    private static readonly ParameterNames Names = new(new Dictionary<string, string>
    {
        ["refundId"] = "-RefundId", ["refundMessage"] = "-Message", ["refundImages"] = "-ImageUrl", ["purchaseOrderId"] = "-PurchaseOrderId",
        ["salesOrderId"] = "-SalesOrderId", ["refundStartTime"] = "-CreatedAfter", ["refundEndTime"] = "-CreatedBefore", ["pageSize"] = "-PageSize",
        ["filter"] = "-Filter", [TaobaoRefundQueryEndpoint.AlibabaIdHint] = "use the 1688 cmdlet",
    });

    [Fact]
    public void TheDetailIsAnIdempotentGetWithTheIdInTheQuery()
    {
        var request = TaobaoRefundQueryEndpoint.Check(" 0110000005849 ", Names).Request();
        Assert.Equal("GET", request.Method);
        Assert.Equal("/v2/taobao/order/refund/query", request.Path);
        Assert.True(request.Idempotent);
        Assert.Equal(new KeyValuePair<string, string>("refundId", "110000005849"), Assert.Single(request.Query));
        Assert.Null(request.Body);
    }

    [Theory]
    [InlineData("TQ21443713367004032", "-RefundId 'TQ21443713367004032' is not valid: a Taobao reverse-order id is digits only; \"TQ\" and digits is a 1688 refund id: use the 1688 cmdlet.")]
    [InlineData("abc", "-RefundId 'abc' is not valid: a Taobao reverse-order id is digits only (Taobao reverse-order ids are whole numbers, for example 110000235001).")]
    [InlineData("", "-RefundId '' is not valid: a Taobao reverse-order id is required.")]
    [InlineData("1.1E+11", "scientific notation")]
    [InlineData("0", "-RefundId '0' is not valid")]
    public void AnIdThatIsNotDigitsIsRefusedNamingTheValue(string id, string expected)
    {
        var e = Assert.Throws<InvalidValueException>(() => TaobaoRefundQueryEndpoint.Check(id, Names));
        Assert.Contains(expected, e.Message);
        Assert.Throws<InvalidValueException>(() => TaobaoRefundCancelEndpoint.Check(id, Names));
    }

    [Fact]
    public void The1688RefundCheckSendsATaobaoIdToTheCallersHint()
    {
        var names = new ParameterNames(new Dictionary<string, string> { ["refundId"] = "-RefundId", [RefundInfoEndpoint.TaobaoIdHint] = "use the Taobao cmdlet" });
        var e = Assert.Throws<InvalidValueException>(() => RefundInfoEndpoint.Check("110000235001", names));
        Assert.Equal("-RefundId '110000235001' is not valid: a 1688 refund id is \"TQ\" followed by digits; digits only is a Taobao reverse-order id: use the Taobao cmdlet.", e.Message);
        Assert.Equal("TQ123", RefundInfoEndpoint.Check("tq123", names).RefundId);
    }

    [Fact]
    public void TheCancelIsAGetThatIsNeverRetried()
    {
        var request = TaobaoRefundCancelEndpoint.Check("110000235001", Names).Request();
        Assert.Equal("GET", request.Method);
        Assert.Equal("/open/order/refund/cancel/110000235001", request.Path);
        Assert.False(request.Idempotent);
    }

    [Fact]
    public void TheMessageBodyHasTheIdAsANumberAndTheImagesAsAnArray()
    {
        var message = TaobaoRefundMessageEndpoint.Check(Names, "110000235001", "商品有破损", new[] { "https://a.example/1.jpg;https://a.example/2.jpg", null, "" });
        Assert.Equal("{\"refundId\":110000235001,\"refundMessage\":\"商品有破损\",\"refundImages\":[\"https://a.example/1.jpg\",\"https://a.example/2.jpg\"]}", message.Body());
        Assert.False(message.Request().Idempotent);
        Assert.Equal("{\"refundId\":1,\"refundMessage\":\"x\"}", TaobaoRefundMessageEndpoint.Check(Names, "1", "x", null).Body());
    }

    [Theory]
    [InlineData("", "-Message is required: 1 to 500 characters.")]
    [InlineData("   ", "-Message is required: 1 to 500 characters.")]
    public void AnEmptyMessageIsRefused(string text, string expected)
        => Assert.Equal(expected, Assert.Throws<InvalidValueException>(() => TaobaoRefundMessageEndpoint.Check(Names, "1", text, null)).Message);

    [Fact]
    public void TheMessageLimitsAreTheSandboxs()
    {
        Assert.Equal(500, TaobaoRefundMessageEndpoint.Check(Names, "1", new string('长', 500), null).Message.Length);
        Assert.Contains("it is 501 characters long", Assert.Throws<InvalidValueException>(() => TaobaoRefundMessageEndpoint.Check(Names, "1", new string('长', 501), null)).Message);
        // An emoji is two UTF-16 units, as Java counts.
        Assert.Throws<InvalidValueException>(() => TaobaoRefundMessageEndpoint.Check(Names, "1", new string('x', 499) + "😀", null));
        var nine = Enumerable.Range(1, 9).Select(i => "https://a.example/" + i + ".jpg").ToArray();
        Assert.Equal(9, TaobaoRefundMessageEndpoint.Check(Names, "1", "x", nine).Images.Count);
        var e = Assert.Throws<InvalidValueException>(() => TaobaoRefundMessageEndpoint.Check(Names, "1", "x", nine.Append("https://a.example/10.jpg")));
        Assert.Equal("-ImageUrl is not valid: 10 URLs were given; PandaPon accepts at most 9.", e.Message);
        Assert.Contains("-ImageUrl 'ftp://a/b.jpg' is not valid: an image is", Assert.Throws<InvalidValueException>(() => TaobaoRefundMessageEndpoint.Check(Names, "1", "x", new[] { "ftp://a/b.jpg" })).Message);
    }

    [Fact]
    public void TheListBodyHasTheFiltersGivenThePageAndTheExtraFields()
    {
        var after = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.FromHours(8));
        var list = TaobaoRefundListEndpoint.Check(Names, -10, "3800000000011376", " ", after, after.AddDays(1), 20, "{\"tenant\":\"a\"}");
        var request = list.Request(3);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/open/order/refund/queryList", request.Path);
        Assert.True(request.Idempotent);
        Assert.Equal("{\"purchaseOrderId\":\"3800000000011376\",\"refundStatus\":-10,\"refundStartTime\":1740758400000,\"refundEndTime\":1740844800000,\"pageNo\":3,\"pageSize\":20,\"tenant\":\"a\"}", request.Body);
        Assert.Equal("{\"pageNo\":1,\"pageSize\":50}", TaobaoRefundListEndpoint.Check(Names, null, null, null, null, null, 50, null).Body(1));
    }

    [Fact]
    public void BadListFiltersAreRefusedNamingTheValue()
    {
        var now = DateTimeOffset.Now;
        Assert.StartsWith("-SalesOrderId 'S-1' is not valid", Assert.Throws<InvalidValueException>(() => TaobaoRefundListEndpoint.Check(Names, null, null, "S-1", null, null, 50, null)).Message);
        Assert.Contains("is later than -CreatedBefore", Assert.Throws<InvalidValueException>(() => TaobaoRefundListEndpoint.Check(Names, null, null, null, now, now.AddSeconds(-1), 50, null)).Message);
        Assert.StartsWith("-PageSize '101' is not valid", Assert.Throws<InvalidValueException>(() => TaobaoRefundListEndpoint.Check(Names, null, null, null, null, null, 101, null)).Message);
        Assert.StartsWith("-Filter 'PageNo' is not valid", Assert.Throws<InvalidValueException>(() => TaobaoRefundListEndpoint.Check(Names, null, null, null, null, null, 50, "{\"PageNo\":2}")).Message);
    }
}
