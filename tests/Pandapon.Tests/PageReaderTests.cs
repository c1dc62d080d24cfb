using System.Text.Json;
using Pandapon.Api;
using Pandapon.Client;
using Pandapon.Endpoints;
using Xunit;

namespace Pandapon.Tests;

public class PageReaderTests
{
    private const string Operation = "POST /v2/alibaba/order/page";

    private static ApiResponse Answer(string dataJson)
    {
        using var envelope = JsonDocument.Parse("{\"code\":200,\"requestId\":\"r1\",\"data\":" + dataJson + "}");
        var root = envelope.RootElement.Clone();
        return new ApiResponse("r1", 200, "成功", "1", root.GetProperty("data"), root, 200);
    }

    private static Page<string> Read(string dataJson) => PageReader.Read(Answer(dataJson), Operation, item => item.GetProperty("id").GetRawText());

    [Theory]
    [InlineData("{\"totalRecords\":7,\"totalPage\":1,\"pageSize\":50,\"currentPage\":1,\"data\":[{\"id\":1},{\"id\":2}]}", 7L)]   // PandaPon's v2 page
    [InlineData("{\"result\":[{\"id\":1},{\"id\":2}],\"totalRecord\":7}", 7L)]                                                  // 1688's
    [InlineData("{\"list\":[{\"id\":1},{\"id\":2}],\"total\":\"7\"}", 7L)]                                                      // total as text
    [InlineData("{\"records\":[{\"id\":1},{\"id\":2}],\"totalCount\":7}", 7L)]
    [InlineData("{\"orders\":[{\"id\":1},null,{\"id\":2}]}", null)]                                                             // no total; null rows left out
    [InlineData("[{\"id\":1},{\"id\":2}]", null)]                                                                               // data is the list
    [InlineData("\"{\\\"result\\\":[{\\\"id\\\":1},{\\\"id\\\":2}],\\\"totalRecord\\\":7}\"", 7L)]                             // JSON inside a string
    [InlineData("{\"data\":{\"list\":[{\"id\":1},{\"id\":2}],\"total\":7}}", 7L)]                                               // one object in between
    [InlineData("{\"result\":\"[{\\\"id\\\":1},{\\\"id\\\":2}]\",\"totalRecord\":7}", 7L)]                                      // the list as text
    [InlineData("{\"data\":[{\"id\":1},{\"id\":2}],\"totalRecords\":\"many\",\"total\":7}", 7L)]                                // an unreadable total is passed over
    public void ReadsTheListAndTheTotal_UnderAnyOfTheUsualNames(string data, long? total)
    {
        Page<string> page = Read(data);
        Assert.Equal(new[] { "1", "2" }, page.Items);
        Assert.Equal(total, page.Total);
    }

    [Fact]
    public void AnEmptyPage_WithANullList_IsEmpty()
    {
        Page<string> page = Read("{\"totalRecords\":0,\"data\":null}");
        Assert.Empty(page.Items);
        Assert.Equal(0, page.Total);
    }

    [Theory]
    [InlineData("{\"totalRecords\":7,\"rows\":[]}", "its fields: totalRecords, rows")]
    [InlineData("{}", "its fields: none")]
    [InlineData("42", "the number 42")]
    [InlineData("null", "but is null")]
    public void AnswerWithoutAList_IsAnErrorNamingTheFieldsItHad(string data, string expected)
    {
        var e = Assert.Throws<PandaponApiException>(() => Read(data));
        Assert.Equal(ApiErrorKind.InvalidResponse, e.Kind);
        Assert.Contains(expected, e.Message);
        Assert.Contains("data, result, list, records, orders", e.Message);
        Assert.Equal("r1", e.RequestId);
    }

    [Fact]
    public void AnEndpointMayNameItsListFirst()
    {
        var page = PageReader.Read(Answer("{\"refundList\":[{\"id\":5}],\"total\":1}"), Operation, item => item.GetProperty("id").GetRawText(), new[] { "refundList" });
        Assert.Equal(new[] { "5" }, page.Items);
        Assert.Equal(1, page.Total);
    }
}
