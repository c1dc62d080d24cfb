using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Pandapon.Models;

namespace Pandapon.Api
{
    /// <summary>
    /// A 1688 refund application (<c>POST /alibaba/refund/detail/create</c>), checked before anything is sent.
    /// <see cref="Create"/> refuses bad values with an <see cref="InvalidValueException"/> naming the parameter and
    /// the value; <see cref="ToJson"/> writes the body the API documents, ids and fen as JSON numbers.
    /// </summary>
    public sealed class RefundApplication
    {
        public const string Path = "/alibaba/refund/detail/create";
        public const int MinDescriptionLength = 2;
        public const int MaxDescriptionLength = 150;
        public const int MaxVouchers = 5;

        /// <summary>The five <c>goodsStatus</c> strings 1688 accepts (pandapon-api.md §3a): in-sale first, then after-sale.</summary>
        public static readonly IReadOnlyList<string> GoodsStatuses = new[]
        {
            "refundWaitSellerSend", "refundWaitBuyerReceive", "refundBuyerReceived", "aftersaleBuyerNotReceived", "aftersaleBuyerReceived",
        };

        private RefundApplication(long orderId, IReadOnlyList<long> orderEntryIds, RefundDisputeRequest disputeRequest, long applyPaymentFen,
            long applyCarriageFen, long reasonId, string description, string goodsStatus, IReadOnlyList<string> vouchers,
            IReadOnlyList<KeyValuePair<long, int>> orderEntryCounts)
        {
            OrderId = orderId;
            OrderEntryIds = orderEntryIds;
            DisputeRequest = disputeRequest;
            ApplyPaymentFen = applyPaymentFen;
            ApplyCarriageFen = applyCarriageFen;
            ReasonId = reasonId;
            Description = description;
            GoodsStatus = goodsStatus;
            Vouchers = vouchers;
            OrderEntryCounts = orderEntryCounts;
        }

        public long OrderId { get; }
        public IReadOnlyList<long> OrderEntryIds { get; }
        public RefundDisputeRequest DisputeRequest { get; }
        public long ApplyPaymentFen { get; }
        public long ApplyCarriageFen { get; }
        public long ReasonId { get; }
        public string Description { get; }

        /// <summary>One of <see cref="GoodsStatuses"/>, spelled as the API spells it whatever case was given.</summary>
        public string GoodsStatus { get; }

        public IReadOnlyList<string> Vouchers { get; }

        /// <summary>Order entry id to the quantity returned (<c>orderEntryCountList</c>), in the order of <see cref="OrderEntryIds"/>.</summary>
        public IReadOnlyList<KeyValuePair<long, int>> OrderEntryCounts { get; }

        /// <summary><c>refund</c> or <c>returnRefund</c>, as the API takes <see cref="DisputeRequest"/>.</summary>
        public string DisputeRequestText => DisputeRequest == RefundDisputeRequest.ReturnRefund ? "returnRefund" : "refund";

        /// <summary>
        /// Checks every value, in the order of the parameters, and builds the application. The messages name the
        /// cmdlet's parameters (-OrderId, -OrderEntryId, ...). <paramref name="orderEntryIds"/> and
        /// <paramref name="vouchers"/> may hold lists in one value ("id1;id2", as a CSV cell does);
        /// <paramref name="orderEntryCounts"/> maps entry ids (text) to quantities (whole numbers, or text holding one).
        /// </summary>
        public static RefundApplication Create(string? orderId, IEnumerable<string?>? orderEntryIds, RefundDisputeRequest disputeRequest,
            decimal applyPayment, decimal applyCarriage, string? reasonId, string? description, string? goodsStatus,
            IEnumerable<string?>? vouchers = null, IEnumerable<KeyValuePair<string, object?>>? orderEntryCounts = null)
        {
            long order = RequestValues.NumericId(orderId, "-OrderId", "an order id");
            List<long> entries = RequestValues.NumericIds(orderEntryIds, "-OrderEntryId", "an order entry id");
            if (entries.Count == 0)
                throw new InvalidValueException("-OrderEntryId is required: the ids of the order entries to refund (productItems.subItemID in the order detail).", "-OrderEntryId");
            if (!Enum.IsDefined(typeof(RefundDisputeRequest), disputeRequest))
                throw RequestValues.Invalid("-DisputeRequest", disputeRequest, "it is Refund or ReturnRefund");
            long payment = Money.YuanToFen(applyPayment, "-ApplyPayment");
            long carriage = Money.YuanToFen(applyCarriage, "-ApplyCarriage");
            long reason = RequestValues.NumericId(reasonId, "-ReasonId", "a refund reason id");
            string text = RequestValues.Text(description, "-Description", MinDescriptionLength, MaxDescriptionLength);
            string status = GoodsStatuses.FirstOrDefault(s => string.Equals(s, (goodsStatus ?? "").Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw RequestValues.Invalid("-GoodsStatus", goodsStatus, "it is one of " + string.Join(", ", GoodsStatuses));
            List<string> urls = RequestValues.Urls(vouchers, "-Voucher", MaxVouchers);
            List<KeyValuePair<long, int>> counts = EntryCounts(orderEntryCounts, entries);
            return new RefundApplication(order, entries, disputeRequest, payment, carriage, reason, text, status, urls, counts);
        }

        /// <summary>
        /// The body: <c>orderId</c>, <c>orderEntryIds</c>, <c>applyReasonId</c> and the entry ids of
        /// <c>orderEntryCountList</c> as JSON numbers (the documents type them int; they are 19-digit longs, written
        /// from their digits, never through a double); <c>applyPayment</c> and <c>applyCarriage</c> in fen; empty
        /// <c>vouchers</c> and <c>orderEntryCountList</c> left out.
        /// </summary>
        public string ToJson() => JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("orderId", OrderId);
            w.WriteStartArray("orderEntryIds");
            foreach (long id in OrderEntryIds) w.WriteNumberValue(id);
            w.WriteEndArray();
            w.WriteString("disputeRequest", DisputeRequestText);
            w.WriteNumber("applyPayment", ApplyPaymentFen);
            w.WriteNumber("applyCarriage", ApplyCarriageFen);
            w.WriteNumber("applyReasonId", ReasonId);
            w.WriteString("description", Description);
            w.WriteString("goodsStatus", GoodsStatus);
            JsonText.WriteStringArrayUnlessEmpty(w, "vouchers", Vouchers);
            if (OrderEntryCounts.Count > 0)
            {
                w.WriteStartArray("orderEntryCountList");
                foreach (var pair in OrderEntryCounts)
                {
                    w.WriteStartObject();
                    w.WriteNumber("id", pair.Key);
                    w.WriteNumber("count", pair.Value);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
        });

        /// <summary>The request: a POST that is never retried (a second attempt could open a second refund).</summary>
        public ApiRequest ToRequest() => new ApiRequest("POST", Path) { Body = ToJson(), Idempotent = false };

        /// <summary>
        /// The result of a successful answer. <c>data</c> is <c>{"refundId":"TQ…"}</c> (AlibabaRefundCreateVO); a
        /// wrapped <c>{"result":{"refundId":…}}</c> or the bare id are read too. No readable id is an
        /// <see cref="ApiErrorKind.InvalidResponse"/> error: the refund was probably created, and the caller says so.
        /// </summary>
        public RefundCreateResult ReadResult(ApiResponse response)
        {
            JsonElement data = response.Data;
            JsonElement id = default;
            if (data.ValueKind == JsonValueKind.Object)
            {
                if (!data.TryGetProperty("refundId", out id) && data.TryGetProperty("result", out JsonElement result) && result.ValueKind == JsonValueKind.Object)
                    result.TryGetProperty("refundId", out id);
            }
            else if (data.ValueKind == JsonValueKind.String)
            {
                id = data;
            }

            string? refundId;
            try
            {
                refundId = LenientJson.ReadIdentifier(id);
            }
            catch (FormatException)
            {
                refundId = null;
            }
            if (string.IsNullOrEmpty(refundId))
                throw PandaponApiException.InvalidField("POST " + Path, "data.refundId", "the new refund's id", id.ValueKind == JsonValueKind.Undefined ? data : id, response.RequestId, response.HttpStatus);

            return new RefundCreateResult
            {
                RefundId = refundId!,
                OrderId = OrderId.ToString(CultureInfo.InvariantCulture),
                OrderEntryIdList = new StringList(OrderEntryIds.Select(e => e.ToString(CultureInfo.InvariantCulture))),
                DisputeRequest = DisputeRequest,
                ApplyPayment = Money.FenToYuan(ApplyPaymentFen),
                ApplyCarriage = Money.FenToYuan(ApplyCarriageFen),
                GoodsStatus = GoodsStatus,
                RequestId = response.RequestId,
            };
        }

        /// <summary>
        /// <c>orderEntryCountList</c>: each key an entry id named in -OrderEntryId, each value a whole quantity of at
        /// least 1 (an int, a long, a whole decimal or double, or text holding one).
        /// </summary>
        private static List<KeyValuePair<long, int>> EntryCounts(IEnumerable<KeyValuePair<string, object?>>? counts, List<long> entries)
        {
            const string Source = "-OrderEntryCount";
            var result = new List<KeyValuePair<long, int>>();
            if (counts == null) return result;
            foreach (var pair in counts)
            {
                long id = RequestValues.NumericId(pair.Key, Source, "an order entry id");
                if (!entries.Contains(id))
                    throw RequestValues.Invalid(Source, pair.Key, "every entry it counts must also be in -OrderEntryId");
                if (result.Any(p => p.Key == id))
                    throw RequestValues.Invalid(Source, pair.Key, "the entry is counted twice");
                int? quantity = Quantity(pair.Value);
                if (quantity == null || quantity < 1)
                    throw RequestValues.Invalid(Source, pair.Key + "=" + Convert.ToString(pair.Value, CultureInfo.InvariantCulture),
                        "a quantity is a whole number of at least 1");
                result.Add(new KeyValuePair<long, int>(id, quantity.Value));
            }
            // In the order of -OrderEntryId, so that the body does not depend on a hashtable's order.
            return result.OrderBy(pair => entries.IndexOf(pair.Key)).ToList();
        }

        /// <summary>
        /// -OrderEntryCount written as text (a CSV cell): <c>id=quantity</c> pairs separated by ";" or ","
        /// (what Export-Csv writes for a refund's OrderEntryCountMap), or a JSON object <c>{"id":quantity}</c>.
        /// Blank text is no counts. The pairs are checked by <see cref="Create"/>.
        /// </summary>
        public static List<KeyValuePair<string, object?>> ParseEntryCounts(string? text)
        {
            const string Source = "-OrderEntryCount";
            var pairs = new List<KeyValuePair<string, object?>>();
            string value = (text ?? "").Trim();
            if (value.Length == 0) return pairs;
            if (value[0] == '{')
            {
                try
                {
                    using (JsonDocument document = JsonDocument.Parse(value))
                    {
                        foreach (JsonProperty property in document.RootElement.EnumerateObject())
                            pairs.Add(new KeyValuePair<string, object?>(property.Name, LenientJson.ReadText(property.Value)));
                    }
                }
                catch (JsonException e)
                {
                    throw RequestValues.Invalid(Source, text, "it is not valid JSON (" + e.Message.Split('.')[0] + ")");
                }
                return pairs;
            }
            foreach (string part in value.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries))
            {
                int equals = part.IndexOf('=');
                if (equals < 0) equals = part.IndexOf(':');
                if (equals <= 0) throw RequestValues.Invalid(Source, part.Trim(), "write each entry as id=quantity, separated by ';', for example 2019601741960504495=2;2019601741961504495=1");
                pairs.Add(new KeyValuePair<string, object?>(part.Substring(0, equals).Trim(), part.Substring(equals + 1).Trim()));
            }
            return pairs;
        }

        private static int? Quantity(object? value)
        {
            switch (value)
            {
                case int i: return i;
                case long l when l >= int.MinValue && l <= int.MaxValue: return (int)l;
                case short s: return s;
                case byte b: return b;
                case decimal d when d == decimal.Truncate(d) && d >= int.MinValue && d <= int.MaxValue: return (int)d;
                case double f when f == Math.Floor(f) && f >= int.MinValue && f <= int.MaxValue: return (int)f;
                case string text when int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int parsed): return parsed;
                default: return null;
            }
        }
    }
}
