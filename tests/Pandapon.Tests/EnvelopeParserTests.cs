using System.Text;
using System.Text.Json;
using Pandapon.Api;
using Pandapon.Client;
using Pandapon.Commands;
using Xunit;

namespace Pandapon.Tests;

public class EnvelopeParserTests
{
    private const string Op = "POST /alibaba/refund/info";

    private static ApiResponse Parse(int status, string body, TimeSpan? retryAfter = null)
        => EnvelopeParser.Parse(Op, status, "Reason", Encoding.UTF8.GetBytes(body), retryAfter);

    private static PandaponApiException Fails(int status, string body) => Assert.Throws<PandaponApiException>(() => Parse(status, body));

    [Fact]
    public void Success_GivesTheEnvelopeFieldsAndTheDataExactly()
    {
        var r = Parse(200, """{"requestId":"4cfda0b7","code":200,"developId":"1014533973088404335","msg":"成功","data":{"orderId":3305075341149134260,"refundId":"TQ1"}}""");
        Assert.Equal(200, r.Code);
        Assert.Equal("4cfda0b7", r.RequestId);
        Assert.Equal("1014533973088404335", r.DevelopId);
        Assert.Equal("成功", r.Msg);
        Assert.Equal(3305075341149134260, r.Data.GetProperty("orderId").GetInt64());
        Assert.Equal("3305075341149134260", r.Data.GetProperty("orderId").GetRawText());
        Assert.Equal(JsonValueKind.Object, r.Envelope.ValueKind);
        Assert.Equal("TQ1", r.Envelope.GetProperty("data").GetProperty("refundId").GetString());
    }

    [Fact]
    public void NumericDevelopId_IsKeptAsItsDigits()
        => Assert.Equal("1110890638347337996", Parse(200, """{"code":200,"developId":1110890638347337996,"data":true}""").DevelopId);

    [Fact]
    public void ByteOrderMark_IsSkipped()
        => Assert.Equal(200, EnvelopeParser.Parse(Op, 200, "OK", new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("""{"code":200}""")).ToArray()).Code);

    [Fact]
    public void ErrorCode_CarriesCodeMsgAndRequestIdInPropertiesAndMessage()
    {
        var e = Fails(200, """{"requestId":"0d1de79d9f4540308d14c558f86cb3da","code":40401,"developId":null,"msg":"refund not found: TQ9","data":null}""");
        Assert.Equal(ApiErrorKind.NotFound, e.Kind);
        Assert.Equal(40401, e.Code);
        Assert.Equal("refund not found: TQ9", e.ServerMessage);
        Assert.Equal("0d1de79d9f4540308d14c558f86cb3da", e.RequestId);
        Assert.Equal(200, e.HttpStatus);
        Assert.Equal("Pandapon.NotFound", e.ErrorId);
        Assert.Contains("code 40401", e.Message);
        Assert.Contains("msg 'refund not found: TQ9'", e.Message);
        Assert.Contains("requestId 0d1de79d9f4540308d14c558f86cb3da", e.Message);
        Assert.StartsWith(Op, e.Message);
    }

    [Theory]
    [InlineData(401, 40101, ApiErrorKind.Authentication)]
    [InlineData(401, 40104, ApiErrorKind.Authentication)]
    [InlineData(403, 40103, ApiErrorKind.Authentication)]
    [InlineData(429, 42901, ApiErrorKind.RateLimited)]
    [InlineData(500, 50001, ApiErrorKind.Server)]
    [InlineData(400, 40001, ApiErrorKind.InvalidRequest)]
    [InlineData(200, 5001, ApiErrorKind.Business)]
    [InlineData(200, 4007, ApiErrorKind.Business)]
    public void EachCodeHasItsKind(int status, int code, ApiErrorKind kind)
        => Assert.Equal(kind, Fails(status, $$"""{"requestId":"r","code":{{code}},"msg":"m"}""").Kind);

    [Fact]
    public void SignatureRefusal_SaysWhatToCheck_WithTheCallersHints()
    {
        var e = Fails(401, """{"requestId":"r1","code":40104,"msg":"signature mismatch"}""");
        Assert.Null(e.RecommendedAction);
        e.AddHint(ClientFailureHints.Instance);
        Assert.Contains("secret key and the signature recipe", e.RecommendedAction);
        Assert.EndsWith(e.RecommendedAction!, e.Message);
    }

    [Fact]
    public void AnEndpointsOwnHint_WinsOverTheGeneralOnes()
    {
        var hints = new System.Collections.Generic.Dictionary<int, string> { [42901] = "endpoint's own" };
        var e = Assert.Throws<PandaponApiException>(() => EnvelopeParser.Parse(Op, 429, "Too Many", Encoding.UTF8.GetBytes("""{"code":42901,"msg":"m"}"""), upstreamHints: hints));
        e.AddHint(ClientFailureHints.Instance);
        Assert.Equal("endpoint's own", e.RecommendedAction);
        var general = Fails(429, """{"code":42901,"msg":"m"}""");
        general.AddHint(ClientFailureHints.Instance);
        Assert.Contains("-ThrottleLimit", general.RecommendedAction);
    }

    [Fact]
    public void DataSuccessFalse_IsABusinessFailureWithErrorCodeAndInfo()
    {
        var e = Fails(200, """{"requestId":"r2","code":200,"msg":"成功","data":{"success":false,"errorCode":"4005","errorInfo":"退款单不存在"}}""");
        Assert.Equal(ApiErrorKind.Business, e.Kind);
        Assert.Equal(4005, e.Code);
        Assert.Equal("退款单不存在", e.ServerMessage);
        Assert.Equal("r2", e.RequestId);
        Assert.Contains("errorCode '4005'", e.Message);
        Assert.Contains("errorInfo '退款单不存在'", e.Message);
    }

    [Fact]
    public void DataSuccessFalse_WithATextErrorCode_KeepsItInTheMessage()
    {
        var e = Fails(200, """{"code":200,"data":{"success":false,"errorCode":"ORDER_NOT_FOUND","errorInfo":"no such order"}}""");
        Assert.Null(e.Code);
        Assert.Equal("ORDER_NOT_FOUND: no such order", e.ServerMessage);
    }

    [Fact]
    public void DataSuccessTrue_IsSuccess()
        => Assert.True(Parse(200, """{"code":200,"data":{"success":true,"errorCode":"","errorInfo":""}}""").Data.GetProperty("success").GetBoolean());

    [Fact]
    public void HtmlBadGateway_QuotesTheStatusAndTheFirst200Characters()
    {
        string html = "<html><head><title>502 Bad Gateway</title></head><body>" + new string('x', 400) + "END</body></html>";
        var e = Assert.Throws<PandaponApiException>(() => EnvelopeParser.Parse(Op, 502, "Bad Gateway", Encoding.UTF8.GetBytes(html)));
        Assert.Equal(ApiErrorKind.Server, e.Kind);
        Assert.Equal(502, e.HttpStatus);
        Assert.Null(e.Code);
        Assert.Contains("HTTP 502 Bad Gateway", e.Message);
        Assert.Contains(html.Substring(0, 200), e.Message);
        Assert.DoesNotContain(html.Substring(0, 201), e.Message);
        Assert.DoesNotContain("END", e.Message);
    }

    [Fact]
    public void JsonCutOffMidObject_IsAnInvalidResponse()
    {
        var e = Fails(200, """{"requestId":"r","code":200,"data":{"refundId":"TQ""");
        Assert.Equal(ApiErrorKind.InvalidResponse, e.Kind);
        Assert.Contains("not valid JSON", e.Message);
        Assert.Contains("HTTP 200", e.Message);
    }

    [Fact]
    public void EmptyBody_SaysSo()
        => Assert.Contains("an empty body", Fails(200, "").Message);

    [Theory]
    [InlineData("""{"code":"200","data":{}}""", "'code'", "an integer", "the string \"200\"")]
    [InlineData("""{"code":200.5,"data":{}}""", "'code'", "an integer", "the number 200.5")]
    [InlineData("""{"code":200,"msg":12,"data":{}}""", "'msg'", "a string", "the number 12")]
    [InlineData("""{"code":200,"requestId":{"a":1},"data":{}}""", "'requestId'", "a string", "an object")]
    [InlineData("""{"code":200,"data":{"success":"no"}}""", "'data.success'", "a boolean", "the string \"no\"")]
    [InlineData("""{"code":200,"data":{"success":false,"errorCode":[1]}}""", "'data.errorCode'", "a string or a number", "an array")]
    [InlineData("""{"msg":"ok","data":{}}""", "'code'", "an integer", "missing")]
    [InlineData("""[1,2]""", "'(the response body)'", "an object", "an array")]
    public void WrongTypes_NameTheField(string body, string field, string expected, string actual)
    {
        var e = Fails(200, body);
        Assert.Equal(ApiErrorKind.InvalidResponse, e.Kind);
        Assert.Contains($"field {field} should be {expected} but is {actual}", e.Message);
    }

    [Fact]
    public void AFailureWithOddFields_IsReportedWithWhatCouldBeRead()
    {
        var e = Fails(503, """{"code":50001,"msg":["odd"],"requestId":"r9"}""");
        Assert.Equal(ApiErrorKind.Server, e.Kind);
        Assert.Equal(50001, e.Code);
        Assert.Equal("r9", e.RequestId);
    }

    [Fact]
    public void RetryAfter_IsKeptOnTheFailure()
        => Assert.Equal(TimeSpan.FromSeconds(1), Assert.Throws<PandaponApiException>(
            () => Parse(429, """{"code":42901,"msg":"too many requests"}""", TimeSpan.FromSeconds(1))).RetryAfter);

    [Fact]
    public void ALentAnswerReadsTheBodyInPlaceUntilDisposed()
    {
        byte[] body = Encoding.UTF8.GetBytes("""{"requestId":"r1","code":200,"msg":"ok","data":{"rows":[1,2,3]}}""");
        ApiResponse response = EnvelopeParser.Parse(Op, 200, "OK", body, null, null, lend: true);
        Assert.Equal("r1", response.RequestId);
        Assert.Equal(3, response.Data.GetProperty("rows").GetArrayLength());
        Assert.Equal(JsonValueKind.Object, response.Envelope.GetProperty("data").ValueKind);
        response.Dispose();
        Assert.Throws<ObjectDisposedException>(() => response.Data.GetProperty("rows"));
    }

    [Fact]
    public void ALentParseOfAFailureIsTheSameError()
    {
        byte[] body = Encoding.UTF8.GetBytes("""{"requestId":"r2","code":50001,"msg":"busy","data":null}""");
        var lent = Assert.Throws<PandaponApiException>(() => EnvelopeParser.Parse(Op, 200, "OK", body, null, null, lend: true));
        var copied = Assert.Throws<PandaponApiException>(() => EnvelopeParser.Parse(Op, 200, "OK", body));
        Assert.Equal(copied.Message, lent.Message);
        Assert.Equal("r2", lent.RequestId);
    }
}
