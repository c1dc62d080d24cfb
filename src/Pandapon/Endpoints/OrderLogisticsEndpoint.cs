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
    /// The tracking of a 1688 order's parcels. PandaPon's page for it is a GET whose path is not readable:
    /// <see cref="Path"/> is inferred (docs/api-orders.md, "Logistics"). The answer is 1688's
    /// <c>{logisticsTrace:[{logisticsId, orderId, logisticsBillNo, logisticsCompanyName, logisticsSteps:[{acceptTime, remark}]}]}</c>
    /// (upstream), read per field: each step becomes a <see cref="LogisticsStep"/>, waybill by waybill, oldest first.
    /// </summary>
    internal sealed class OrderLogisticsEndpoint
    {
        public const string Method = "GET";

        /// <summary>Inferred: PandaPon shows the page but not its path.</summary>
        public const string Path = "/alibaba/order/logistics/trace";

        public const bool Idempotent = true;

        private OrderLogisticsEndpoint(long orderId)
        {
            OrderId = orderId;
        }

        public long OrderId { get; }

        public static OrderLogisticsEndpoint Check(string? orderId, ParameterNames names)
            => new OrderLogisticsEndpoint(InputCheck.NumericId(orderId, names["orderId"], "an order id"));

        public static IReadOnlyDictionary<int, string> Hints(ParameterNames names) => EndpointHints.None;

        /// <summary><c>?orderId=…&amp;webSite=1688</c>.</summary>
        public ApiRequest Request()
        {
            ApiRequest request = ApiRequest.Get(Path,
                new KeyValuePair<string, string>("orderId", OrderId.ToString(CultureInfo.InvariantCulture)),
                new KeyValuePair<string, string>("webSite", OrderDetailEndpoint.WebSite));
            request.Idempotent = Idempotent;
            return request;
        }

        /// <summary>The steps of every waybill, oldest first within each; none for an order not shipped yet.</summary>
        public List<LogisticsStep> Read(ApiResponse response)
        {
            string requested = OrderId.ToString(CultureInfo.InvariantCulture);
            return LenientJson.ReadUnwrapped(response.Data, data =>
            {
                JsonElement trace = data;
                if (data.ValueKind == JsonValueKind.Object)
                {
                    if (!data.TryGetProperty("logisticsTrace", out trace)) trace = default;
                }
                else if (data.ValueKind != JsonValueKind.Array && data.ValueKind != JsonValueKind.Null)
                {
                    throw PandaponApiException.InvalidField(Method + " " + Path, "data", "the tracking: a JSON object with logisticsTrace", response.Data, response.RequestId, response.HttpStatus);
                }
                return LenientJson.ReadUnwrapped(trace, waybills => ReadWaybills(waybills, requested, response));
            });
        }

        private static List<LogisticsStep> ReadWaybills(JsonElement waybills, string requested, ApiResponse response)
        {
            var steps = new List<LogisticsStep>();
            switch (waybills.ValueKind)
            {
                case JsonValueKind.Undefined:
                case JsonValueKind.Null:
                    return steps;
                case JsonValueKind.Array:
                    foreach (JsonElement waybill in waybills.EnumerateArray())
                        if (waybill.ValueKind == JsonValueKind.Object) steps.AddRange(ReadWaybill(waybill, requested));
                    return steps;
                default:
                    throw PandaponApiException.InvalidField(Method + " " + Path, "data.logisticsTrace", "a JSON array of waybills", waybills, response.RequestId, response.HttpStatus);
            }
        }

        /// <summary>One waybill's steps; a field of the waybill that cannot be read is named on each of its steps.</summary>
        private static IEnumerable<LogisticsStep> ReadWaybill(JsonElement waybill, string requested)
        {
            var parcel = new LogisticsStep();
            var stepElements = new List<JsonElement>();
            new FieldReader(parcel.UnreadFields.Add, ShownValue.Short).ReadEachField(waybill, "", (field, value) =>
            {
                switch (field)
                {
                    case "orderId": parcel.OrderId = LenientJson.ReadNumericId(value); break;
                    case "logisticsBillNo": parcel.WaybillNo = LenientJson.ReadText(value); break;
                    case "logisticsCompanyName": parcel.CompanyName = LenientJson.ReadText(value); break;
                    case "logisticsId": parcel.LogisticsId = LenientJson.ReadIdentifier(value); break;
                    case "logisticsSteps":
                        LenientJson.ReadUnwrapped(value, source =>
                        {
                            if (source.ValueKind == JsonValueKind.Array) stepElements.AddRange(source.EnumerateArray().Select(step => step.Clone()));
                            else if (source.ValueKind != JsonValueKind.Null) throw new FormatException("expected the steps: a JSON array");
                            return true;
                        });
                        break;
                }
            });
            var steps = new List<LogisticsStep>();
            int index = 0;
            foreach (JsonElement element in stepElements)
            {
                var step = new LogisticsStep
                {
                    OrderId = parcel.OrderId ?? requested,
                    WaybillNo = parcel.WaybillNo,
                    CompanyName = parcel.CompanyName,
                    LogisticsId = parcel.LogisticsId,
                };
                foreach (var unread in parcel.UnreadFields) step.UnreadFields.Add(unread.Key, unread.Value);
                string path = "logisticsSteps[" + index.ToString(CultureInfo.InvariantCulture) + "].";
                if (element.ValueKind == JsonValueKind.Object)
                {
                    new FieldReader(step.UnreadFields.Add, ShownValue.Short).ReadEachField(element, path, (field, value) =>
                    {
                        switch (field)
                        {
                            case "acceptTime": step.Time = LenientJson.ReadTime(value); break;
                            case "remark": step.Remark = LenientJson.ReadText(value); break;
                        }
                    });
                    steps.Add(step);
                }
                index++;
            }
            // Oldest first, as a tracking page reads; steps without a readable time keep their place relative to each other.
            return steps.Select((step, position) => (step, position))
                .OrderBy(pair => pair.step.Time ?? DateTimeOffset.MinValue).ThenBy(pair => pair.position)
                .Select(pair => pair.step).ToList();
        }
    }
}
