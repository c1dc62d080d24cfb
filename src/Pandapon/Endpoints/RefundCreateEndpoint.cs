using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Pandapon.Api;
using Pandapon.Client;
using Pandapon.Models;
using Pandapon.Values;

namespace Pandapon.Endpoints
{
    /// <summary>
    /// <c>POST /alibaba/refund/detail/create</c>: opens a 1688 refund (docs/api.md, "Create a refund"). An instance is
    /// an application checked before anything is sent: <see cref="Check"/> refuses bad values with an
    /// <see cref="InvalidValueException"/> naming the value as the caller's <see cref="ParameterNames"/> say;
    /// <see cref="Body"/> writes the body the API documents, ids and fen as JSON numbers.
    /// </summary>
    public sealed class RefundCreateEndpoint
    {
        public const string Method = "POST";
        public const string Path = "/alibaba/refund/detail/create";

        /// <summary>Never sent twice by itself: a second attempt could open a second refund.</summary>
        public const bool Idempotent = false;

        public const int MinDescriptionLength = 2;
        public const int MaxDescriptionLength = 150;
        public const int MaxVouchers = 5;

        /// <summary>The five <c>goodsStatus</c> strings 1688 accepts (docs/api.md, "Create a refund"): in-sale first, then after-sale.</summary>
        public static readonly IReadOnlyList<string> GoodsStatuses = new[]
        {
            RefundWaitSellerSend, RefundWaitBuyerReceive, RefundBuyerReceived, AftersaleBuyerNotReceived, AftersaleBuyerReceived,
        };

        // Constants, so that a cmdlet's ValidateSet names the same five values without spelling them again.
        public const string RefundWaitSellerSend = "refundWaitSellerSend";
        public const string RefundWaitBuyerReceive = "refundWaitBuyerReceive";
        public const string RefundBuyerReceived = "refundBuyerReceived";
        public const string AftersaleBuyerNotReceived = "aftersaleBuyerNotReceived";
        public const string AftersaleBuyerReceived = "aftersaleBuyerReceived";

        private ParameterNames _names = ParameterNames.ApiFields;

        private RefundCreateEndpoint(long orderId, IReadOnlyList<long> orderEntryIds, RefundDisputeRequest disputeRequest, long applyPaymentFen,
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
        /// Checks every value, in the order of the parameters, and builds the application. The messages name each value
        /// by <paramref name="names"/>, asked by the API field (orderId, orderEntryIds, ...). <paramref name="orderEntryIds"/> and
        /// <paramref name="vouchers"/> may hold lists in one value ("id1;id2", as a CSV cell does);
        /// <paramref name="orderEntryCounts"/> maps entry ids (text) to quantities (whole numbers, or text holding one).
        /// </summary>
        public static RefundCreateEndpoint Check(ParameterNames names, string? orderId, IEnumerable<string?>? orderEntryIds, RefundDisputeRequest disputeRequest,
            decimal applyPayment, decimal applyCarriage, string? reasonId, string? description, string? goodsStatus,
            IEnumerable<string?>? vouchers = null, IEnumerable<KeyValuePair<string, object?>>? orderEntryCounts = null)
        {
            long order = InputCheck.NumericId(orderId, names["orderId"], "an order id");
            string entriesName = names["orderEntryIds"];
            List<long> entries = InputCheck.NumericIds(orderEntryIds, entriesName, "an order entry id");
            if (entries.Count == 0)
                throw new InvalidValueException($"{entriesName} is required: the ids of the order entries to refund (productItems.subItemID in the order detail).", entriesName);
            if (!Enum.IsDefined(typeof(RefundDisputeRequest), disputeRequest))
                throw InputCheck.Invalid(names["disputeRequest"], disputeRequest, "it is Refund or ReturnRefund");
            long payment = Money.YuanToFen(applyPayment, names["applyPayment"]);
            long carriage = Money.YuanToFen(applyCarriage, names["applyCarriage"]);
            long reason = InputCheck.NumericId(reasonId, names["applyReasonId"], "a refund reason id");
            string text = InputCheck.Text(description, names["description"], MinDescriptionLength, MaxDescriptionLength);
            string status = GoodsStatuses.FirstOrDefault(s => string.Equals(s, (goodsStatus ?? "").Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw InputCheck.Invalid(names["goodsStatus"], goodsStatus, "it is one of " + string.Join(", ", GoodsStatuses));
            List<string> urls = InputCheck.Urls(vouchers, names["vouchers"], MaxVouchers);
            List<KeyValuePair<long, int>> counts = EntryCounts(orderEntryCounts, entries, names);
            return new RefundCreateEndpoint(order, entries, disputeRequest, payment, carriage, reason, text, status, urls, counts) { _names = names };
        }

        /// <summary>
        /// What to do about 1688's codes 5001 to 5100 for this endpoint (docs/api.md, "Create a refund"), naming the
        /// values by <paramref name="names"/>.
        /// </summary>
        public static IReadOnlyDictionary<int, string> Hints(ParameterNames names) => new Dictionary<int, string>
        {
            [5001] = $"Check {names["orderId"]}: 1688 has no such order for this account.",
            [5002] = $"The order was bought by another 1688 account: use the credentials ({names["user-id"]}, {names["profile"]}) of the account that bought it.",
            [5003] = $"Choose {names["goodsStatus"]} to match the order: refundWaitSellerSend before the seller ships; refundWaitBuyerReceive or refundBuyerReceived while the trade is open; aftersaleBuyerNotReceived or aftersaleBuyerReceived after it is confirmed. {names["disputeRequest"]} ReturnRefund needs goods that were received.",
            [5004] = $"Use a reason id that the refund-reasons endpoint returns for this order, these entries and this goods status ({names["refund-reasons"]}).",
            [5005] = $"This reason needs evidence: upload images and pass their URLs with {names["vouchers"]} (1 to 5).",
            [5006] = $"This reason does not refund freight: set {names["applyCarriage"]} 0.",
            [5010] = "The order or an entry cannot be refunded now (not paid, closed, or a refund is already open or done): check the order detail's productItems.refundStatus.",
            [5011] = $"Check {names["applyPayment"]} and {names["applyCarriage"]}: the amount may not exceed what was paid for the entries (and must equal it while the seller has not shipped); freight may not exceed the order's shipping fee.",
            [5012] = $"{names["description"]} must be {MinDescriptionLength} to {MaxDescriptionLength} characters.",
            [5013] = $"Check {names["orderEntryCountList"]}: quantities only for a return of received goods ({names["disputeRequest"]} ReturnRefund, {names["goodsStatus"]} refundBuyerReceived), each from 1 to the quantity bought.",
        };

        /// <summary>
        /// The body: <c>orderId</c>, <c>orderEntryIds</c>, <c>applyReasonId</c> and the entry ids of
        /// <c>orderEntryCountList</c> as JSON numbers (the documents type them int; they are 19-digit longs, written
        /// from their digits, never through a double); <c>applyPayment</c> and <c>applyCarriage</c> in fen; empty
        /// <c>vouchers</c> and <c>orderEntryCountList</c> left out.
        /// </summary>
        public string Body() => JsonText.Write(w =>
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

        /// <summary>The request, with this endpoint's hints for 1688's codes.</summary>
        public ApiRequest Request() => new ApiRequest(Method, Path) { Body = Body(), Idempotent = Idempotent, UpstreamHints = Hints(_names) };

        /// <summary>
        /// The result of a successful answer. <c>data</c> is <c>{"refundId":"TQ…"}</c> (AlibabaRefundCreateVO); a
        /// wrapped <c>{"result":{"refundId":…}}</c> or the bare id are read too. No readable id is an
        /// <see cref="ApiErrorKind.InvalidResponse"/> error: the refund was probably created, and the caller says so.
        /// </summary>
        public RefundCreateResult Read(ApiResponse response)
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
                throw PandaponApiException.InvalidField(Method + " " + Path, "data.refundId", "the new refund's id", id.ValueKind == JsonValueKind.Undefined ? data : id, response.RequestId, response.HttpStatus);

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
        /// <c>orderEntryCountList</c>: each key an entry id named in orderEntryIds, each value a whole quantity of at
        /// least 1 (an int, a long, a whole decimal or double, or text holding one).
        /// </summary>
        private static List<KeyValuePair<long, int>> EntryCounts(IEnumerable<KeyValuePair<string, object?>>? counts, List<long> entries, ParameterNames names)
        {
            string Source = names["orderEntryCountList"];
            var result = new List<KeyValuePair<long, int>>();
            if (counts == null) return result;
            foreach (var pair in counts)
            {
                long id = InputCheck.NumericId(pair.Key, Source, "an order entry id");
                if (!entries.Contains(id))
                    throw InputCheck.Invalid(Source, pair.Key, $"every entry it counts must also be in {names["orderEntryIds"]}");
                if (result.Any(p => p.Key == id))
                    throw InputCheck.Invalid(Source, pair.Key, "the entry is counted twice");
                int? quantity = Quantity(pair.Value);
                if (quantity == null || quantity < 1)
                    throw InputCheck.Invalid(Source, pair.Key + "=" + ShownQuantity(pair.Value), "a quantity is a whole number of at least 1");
                result.Add(new KeyValuePair<long, int>(id, quantity.Value));
            }
            // In the order of orderEntryIds, so that the body does not depend on a hashtable's order.
            return result.OrderBy(pair => entries.IndexOf(pair.Key)).ToList();
        }

        /// <summary>
        /// The entry counts written as text (a CSV cell): <c>id=quantity</c> pairs separated by ";" or ","
        /// (what Export-Csv writes for a refund's OrderEntryCountMap), or a JSON object <c>{"id":quantity}</c>.
        /// Blank text is no counts. The pairs are checked by <see cref="Check"/>.
        /// </summary>
        public static List<KeyValuePair<string, object?>> ParseEntryCounts(string? text, ParameterNames names)
        {
            string Source = names["orderEntryCountList"];
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
                    throw InputCheck.Invalid(Source, text, "it is not valid JSON (" + e.Message.Split('.')[0] + ")");
                }
                return pairs;
            }
            foreach (string part in value.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries))
            {
                int equals = part.IndexOf('=');
                if (equals < 0) equals = part.IndexOf(':');
                if (equals <= 0) throw InputCheck.Invalid(Source, part.Trim(), "write each entry as id=quantity, separated by ';', for example 2019601741960504495=2;2019601741961504495=1");
                pairs.Add(new KeyValuePair<string, object?>(part.Substring(0, equals).Trim(), part.Substring(equals + 1).Trim()));
            }
            return pairs;
        }

        /// <summary>A quantity as the refusal quotes it: its text, or its type for an object (never "System.Collections.Hashtable").</summary>
        private static string ShownQuantity(object? value) => value is string || value is IConvertible
            ? Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""
            : "(" + (value?.GetType().Name ?? "null") + ")";

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
