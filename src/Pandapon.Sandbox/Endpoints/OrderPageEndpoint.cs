using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Pandapon.Sandbox.Data;
using Pandapon.Sandbox.Http;

namespace Pandapon.Sandbox.Endpoints;

/// <summary>
/// <c>POST /v2/alibaba/order/page</c>: the caller's 1688 orders, a page at a time, newest first (creation time, then
/// order id, both descending), so paging never skips or repeats an order. Body: <c>pageNo</c> (from 1) and
/// <c>pageSize</c> (1 to 100), both required; optional <c>orderStatus</c>, <c>createStartTime</c>/<c>createEndTime</c>
/// (1688's <c>yyyyMMddHHmmssSSS+0800</c>, both inclusive) and <c>webSite</c> ("1688"). Rows are buyer views, as the
/// detail's data; the wrapper is <c>--order-page-shape</c>'s (docs/api-orders.md, "The order page").
/// </summary>
internal sealed partial class OrderPageEndpoint(RefundStore store, OrderPageShape shape)
{
    public const string Path = "/v2/alibaba/order/page";
    public const string Method = "POST";
    public const int MaxPageSize = 100;

    private sealed record Query(long PageNo, int PageSize, string? Status, DateTime? From, DateTime? To);

    public ApiResult Handle(SignedRequest request)
    {
        Query q;
        try
        {
            q = Read(request.Body);
        }
        catch (BodyException e)
        {
            return ApiError.InvalidRequest.With(e.Message);
        }
        return store.Update(changes =>
        {
            var (total, rows) = changes.Orders.Page(q.Status, q.From, q.To, q.PageNo, q.PageSize);
            var buffer = new ArrayBufferWriter<byte>(4096 + rows.Count * 3072);
            using (var w = new Utf8JsonWriter(buffer, RefundJson.WriterOptions))
            {
                w.WriteStartObject();
                if (shape == OrderPageShape.PandaPon)
                {
                    w.WriteNumber("totalRecords", total);
                    w.WriteNumber("totalPage", (total + q.PageSize - 1) / q.PageSize);
                    w.WriteNumber("pageSize", q.PageSize);
                    w.WriteNumber("currentPage", q.PageNo);
                    w.WriteStartArray("data");
                }
                else
                {
                    w.WriteStartArray("result");
                }
                foreach (var order in rows) OrderJson.WriteBuyerView(w, order, changes.Find);
                w.WriteEndArray();
                if (shape == OrderPageShape.Upstream) w.WriteNumber("totalRecord", total);
                w.WriteEndObject();
            }
            return ApiResult.Ok(buffer.WrittenSpan.ToArray());
        });
    }

    private static Query Read(string body)
    {
        using var json = JsonBody.Parse(body);
        long pageNo = json.Long("pageNo", required: true)!.Value;
        if (pageNo is < 1 or > int.MaxValue) throw new BodyException($"pageNo must be from 1 to {int.MaxValue}, not {pageNo}");
        long pageSize = json.Long("pageSize", required: true)!.Value;
        if (pageSize is < 1 or > MaxPageSize) throw new BodyException($"pageSize must be from 1 to {MaxPageSize}, not {pageSize}");
        OrderEndpoints.CheckWebSite(json.Text("webSite"), required: false);
        string? status = json.Text("orderStatus");
        if (status == "") status = null;
        if (status is not null && Array.IndexOf(OrderStatus.All, status) < 0)
            throw new BodyException($"orderStatus must be one of {string.Join(", ", OrderStatus.All)}, not {Authenticator.Shorten(status)}");
        DateTime? from = Time(json, "createStartTime");
        DateTime? to = Time(json, "createEndTime");
        if (from > to) throw new BodyException($"createStartTime {json.Text("createStartTime")} is after createEndTime {json.Text("createEndTime")}");
        return new Query(pageNo, (int)pageSize, status, from, to);
    }

    /// <summary>A 1688 time (<c>yyyyMMddHHmmssSSS+0800</c>, any offset) as Beijing time, the clock the orders are kept in.</summary>
    private static DateTime? Time(JsonBody json, string name)
    {
        string? text = json.Text(name);
        if (string.IsNullOrEmpty(text)) return null;
        Match m = GmtForm().Match(text);
        if (!m.Success || !DateTime.TryParseExact(m.Groups[1].Value, "yyyyMMddHHmmssfff", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime local))
            throw new BodyException($"{name} must be 1688's yyyyMMddHHmmssSSS+0800 (for example 20251101083000000+0800), not {Authenticator.Shorten(text)}");
        int sign = m.Groups[2].Value == "-" ? -1 : 1;
        var offset = new TimeSpan(int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture), 0) * sign;
        return local - offset + TimeSpan.FromHours(8);
    }

    [GeneratedRegex(@"^(\d{17})([+-])(\d\d)(\d\d)$")]
    private static partial Regex GmtForm();
}
