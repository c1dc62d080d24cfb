using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using Pandapon.Client;
using Pandapon.Models;
using Pandapon.Values;

namespace Pandapon.Endpoints
{
    /// <summary>
    /// <c>POST /v2/alibaba/order/page</c>: the buyer's 1688 orders a page at a time (docs/api-orders.md, "The order
    /// page"). The page fields are PandaPon's <c>pageNo</c>/<c>pageSize</c> (inferred), the filters 1688's
    /// <c>orderStatus</c>, <c>createStartTime</c>, <c>createEndTime</c> (upstream); extra fields from the user are
    /// merged in. The answer's shape is not published: <see cref="PageReader"/> finds the list and the total, and
    /// each row is read as the detail reads an order.
    /// </summary>
    internal sealed class OrderPageEndpoint : IPagedListEndpoint<Order>
    {
        public const string Method = "POST";
        public const string Path = "/v2/alibaba/order/page";
        public const bool Idempotent = true;
        public const int DefaultPageSize = 50;
        public const int MaxPageSize = 100;

        /// <summary>1688's buyer-order statuses (upstream), in the order an order passes them.</summary>
        public static readonly IReadOnlyList<string> Statuses = new[]
        {
            "waitbuyerpay", "waitsellersend", "waitlogisticstakein", "waitbuyerreceive", "waitbuyersign",
            "signinsuccess", "confirm_goods", "success", "cancel", "terminated",
        };

        /// <summary>Body fields the paging writes, which extra fields may not replace.</summary>
        private static readonly string[] PagingFields = { "pageNo", "pageSize" };

        private readonly string? _status;
        private readonly DateTimeOffset? _createdAfter;
        private readonly DateTimeOffset? _createdBefore;
        private readonly List<JsonProperty> _extraFields;
        private readonly JsonDocument? _extra;   // holds what _extraFields point into

        private OrderPageEndpoint(string? status, DateTimeOffset? createdAfter, DateTimeOffset? createdBefore, int pageSize, JsonDocument? extra, List<JsonProperty> extraFields)
        {
            _status = status;
            _createdAfter = createdAfter;
            _createdBefore = createdBefore;
            PageSize = pageSize;
            _extra = extra;
            _extraFields = extraFields;
        }

        public int PageSize { get; }

        /// <summary>
        /// The listing's values, checked: <paramref name="status"/> one of <see cref="Statuses"/> (any case),
        /// <paramref name="createdAfter"/> not later than <paramref name="createdBefore"/>, <paramref name="pageSize"/>
        /// 1 to 100, <paramref name="extraFieldsJson"/> a JSON object (text) whose fields are sent too, except the
        /// paging fields and a filter field also given by its own value. Names as <paramref name="names"/> says
        /// (API fields <c>orderStatus</c>, <c>createStartTime</c>, <c>createEndTime</c>, <c>pageSize</c>, <c>filter</c>).
        /// </summary>
        public static OrderPageEndpoint Check(string? status, DateTimeOffset? createdAfter, DateTimeOffset? createdBefore, int pageSize,
            string? extraFieldsJson, ParameterNames names)
        {
            string? checkedStatus = status == null ? null : InputCheck.OneOf(status, names["orderStatus"], Statuses, "a 1688 order status");
            if (createdAfter.HasValue && createdBefore.HasValue && createdAfter.Value > createdBefore.Value)
            {
                throw InputCheck.Invalid(names["createStartTime"], Time(createdAfter.Value),
                    "it is later than " + names["createEndTime"] + " " + Time(createdBefore.Value) + ", so no order could match");
            }
            if (pageSize < 1 || pageSize > MaxPageSize)
                throw InputCheck.Invalid(names["pageSize"], pageSize, "a page holds 1 to " + MaxPageSize.ToString(CultureInfo.InvariantCulture) + " orders");
            JsonDocument? extra = null;
            var fields = new List<JsonProperty>();
            if (extraFieldsJson != null)
            {
                extra = JsonDocument.Parse(extraFieldsJson);
                if (extra.RootElement.ValueKind != JsonValueKind.Object)
                    throw InputCheck.Invalid(names["filter"], extraFieldsJson, "extra body fields are a hashtable of field names and values");
                foreach (JsonProperty field in extra.RootElement.EnumerateObject())
                {
                    if (Array.IndexOf(PagingFields, field.Name) >= 0)
                        throw InputCheck.Invalid(names["filter"], field.Name, "the paging fields are set by " + names["pageSize"] + " and the paging parameters (-First, -Skip)");
                    string? givenBy = field.Name == "orderStatus" && checkedStatus != null ? names["orderStatus"]
                        : field.Name == "createStartTime" && createdAfter.HasValue ? names["createStartTime"]
                        : field.Name == "createEndTime" && createdBefore.HasValue ? names["createEndTime"]
                        : null;
                    if (givenBy != null) throw InputCheck.Invalid(names["filter"], field.Name, "it is also given by " + givenBy + ": give it once");
                    fields.Add(field);
                }
            }
            return new OrderPageEndpoint(checkedStatus, createdAfter, createdBefore, pageSize, extra, fields);
        }

        public static IReadOnlyDictionary<int, string> Hints(ParameterNames names) => EndpointHints.None;

        /// <summary>The request for page <paramref name="pageNo"/> (from 1); the user's extra fields follow (their webSite replaces "1688").</summary>
        public ApiRequest Request(int pageNo) => new ApiRequest(Method, Path)
        {
            Body = JsonText.Write(w =>
            {
                w.WriteStartObject();
                if (!_extraFields.Exists(field => field.Name == "webSite")) w.WriteString("webSite", OrderDetailEndpoint.WebSite);
                w.WriteNumber("pageNo", pageNo);
                w.WriteNumber("pageSize", PageSize);
                if (_status != null) w.WriteString("orderStatus", _status);
                if (_createdAfter.HasValue) w.WriteString("createStartTime", Time(_createdAfter.Value));
                if (_createdBefore.HasValue) w.WriteString("createEndTime", Time(_createdBefore.Value));
                foreach (JsonProperty field in _extraFields) field.WriteTo(w);
                w.WriteEndObject();
            }),
            Idempotent = Idempotent,
        };

        /// <summary>The page's orders and the total.</summary>
        public Page<Order> ReadPage(ApiResponse response) => ReadPage(response, row => OrderDetailEndpoint.ReadOrder(row, null));

        /// <summary>One page, each row made by <paramref name="readRow"/> (the rows as sent, for -Raw).</summary>
        public Page<T> ReadPage<T>(ApiResponse response, Func<JsonElement, T> readRow) => PageReader.Read(response, Method + " " + Path, readRow);

        /// <summary>1688's time form, Beijing time: <c>yyyyMMddHHmmssSSS+0800</c>.</summary>
        public static string Time(DateTimeOffset time)
            => time.ToOffset(LenientJson.ChinaOffset).ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture) + "+0800";
    }
}
