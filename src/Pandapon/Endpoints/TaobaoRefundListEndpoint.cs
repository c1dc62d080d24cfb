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
    /// <c>POST /open/order/refund/queryList</c>: the Taobao reverse orders, filtered and paged (docs/api-taobao-refunds.md §6).
    /// The request's fields are stated: <c>refundId</c>, <c>purchaseOrderId</c>, <c>salesOrderId</c> (strings of digits, as
    /// the example writes them), <c>refundStatus</c> (integer), <c>refundStartTime</c>/<c>refundEndTime</c> (epoch
    /// milliseconds), <c>pageNo</c>, <c>pageSize</c>. The answer is not documented: <see cref="PageReader"/> finds the list
    /// and the total, and each row, nested or flat, goes to <see cref="TaobaoRefundReader"/>. An instance is a checked listing.
    /// </summary>
    internal sealed class TaobaoRefundListEndpoint : IPagedListEndpoint<TaobaoRefund>
    {
        public const string Method = "POST";
        public const string Path = "/open/order/refund/queryList";

        /// <summary>A read: safe to send again after a failure.</summary>
        public const bool Idempotent = true;

        public const int MinPageSize = 1;
        public const int MaxPageSize = 100;
        public const int DefaultPageSize = 50;

        /// <summary>The body fields this endpoint writes itself; extra fields may not name them.</summary>
        private static readonly string[] OwnFields = { "purchaseOrderId", "salesOrderId", "refundStatus", "refundStartTime", "refundEndTime", "pageNo", "pageSize" };

        private TaobaoRefundListEndpoint(int? status, string? purchaseOrderId, string? salesOrderId, long? startMs, long? endMs, int pageSize, JsonElement? extraFields)
        {
            Status = status;
            PurchaseOrderId = purchaseOrderId;
            SalesOrderId = salesOrderId;
            StartMs = startMs;
            EndMs = endMs;
            PageSize = pageSize;
            ExtraFields = extraFields;
        }

        public int? Status { get; }
        public string? PurchaseOrderId { get; }
        public string? SalesOrderId { get; }
        public long? StartMs { get; }
        public long? EndMs { get; }
        public int PageSize { get; }

        /// <summary>Further body fields the caller gives (a JSON object), written after this endpoint's own.</summary>
        public JsonElement? ExtraFields { get; }

        /// <summary>
        /// Checks the filters, each named by <paramref name="names"/> (asked by the API field). <paramref name="extraFieldsJson"/>
        /// is a JSON object of further body fields (the cmdlet's -Filter), which may not name a field this endpoint writes.
        /// </summary>
        public static TaobaoRefundListEndpoint Check(ParameterNames names, int? status, string? purchaseOrderId, string? salesOrderId,
            DateTimeOffset? createdAfter, DateTimeOffset? createdBefore, int pageSize, string? extraFieldsJson)
        {
            string? purchase = OptionalId(purchaseOrderId, names["purchaseOrderId"], "a Taobao purchase order id");
            string? sales = OptionalId(salesOrderId, names["salesOrderId"], "a sales order id");
            if (createdAfter.HasValue && createdBefore.HasValue && createdAfter.Value > createdBefore.Value)
            {
                throw InputCheck.Invalid(names["refundStartTime"], createdAfter.Value.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture),
                    $"it is later than {names["refundEndTime"]} {createdBefore.Value.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture)}");
            }
            if (pageSize < MinPageSize || pageSize > MaxPageSize)
                throw InputCheck.Invalid(names["pageSize"], pageSize, $"a page holds {MinPageSize} to {MaxPageSize} reverse orders");
            return new TaobaoRefundListEndpoint(status, purchase, sales, createdAfter?.ToUnixTimeMilliseconds(), createdBefore?.ToUnixTimeMilliseconds(), pageSize,
                ExtraFieldsFrom(extraFieldsJson, names["filter"]));
        }

        public static IReadOnlyDictionary<int, string> Hints(ParameterNames names) => EndpointHints.None;

        /// <summary>The request for page <paramref name="pageNo"/> (from 1).</summary>
        public ApiRequest Request(int pageNo) => new ApiRequest(Method, Path) { Body = Body(pageNo), Idempotent = Idempotent };

        /// <summary>The body of page <paramref name="pageNo"/>: the filters given (ids as strings, as the documents' example), then the extra fields.</summary>
        public string Body(int pageNo) => JsonText.Write(w =>
        {
            w.WriteStartObject();
            if (PurchaseOrderId != null) w.WriteString("purchaseOrderId", PurchaseOrderId);
            if (SalesOrderId != null) w.WriteString("salesOrderId", SalesOrderId);
            if (Status.HasValue) w.WriteNumber("refundStatus", Status.Value);
            if (StartMs.HasValue) w.WriteNumber("refundStartTime", StartMs.Value);
            if (EndMs.HasValue) w.WriteNumber("refundEndTime", EndMs.Value);
            w.WriteNumber("pageNo", pageNo);
            w.WriteNumber("pageSize", PageSize);
            if (ExtraFields is JsonElement extra)
                foreach (JsonProperty field in extra.EnumerateObject()) field.WriteTo(w);
            w.WriteEndObject();
        });

        /// <summary>One page: the reverse orders in the order sent, and the total when the answer gives one.</summary>
        public Page<TaobaoRefund> ReadPage(ApiResponse response) => ReadPage(response, row => TaobaoRefundReader.Read(row));

        /// <summary>One page, each row made by <paramref name="readRow"/> (the rows as sent, for -Raw).</summary>
        public Page<T> ReadPage<T>(ApiResponse response, Func<JsonElement, T> readRow) => PageReader.Read(response, Method + " " + Path, readRow);

        private static string? OptionalId(string? text, string source, string what)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            return InputCheck.NumericId(text, source, what, "Taobao ids are whole numbers").ToString(CultureInfo.InvariantCulture);
        }

        private static JsonElement? ExtraFieldsFrom(string? json, string source)
        {
            if (string.IsNullOrWhiteSpace(json)) return null;
            JsonElement extra;
            using (JsonDocument document = JsonDocument.Parse(json!)) extra = document.RootElement.Clone();
            if (extra.ValueKind != JsonValueKind.Object) throw InputCheck.Invalid(source, json, "extra body fields are a hashtable of names and values");
            foreach (JsonProperty field in extra.EnumerateObject())
            {
                foreach (string own in OwnFields)
                {
                    if (string.Equals(own, field.Name, StringComparison.OrdinalIgnoreCase))
                        throw InputCheck.Invalid(source, field.Name, $"the field {own} is set by the cmdlet's own parameters or by paging; extra fields are for what they do not cover");
                }
            }
            return extra;
        }
    }
}
