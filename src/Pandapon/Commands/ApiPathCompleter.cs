using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using Pandapon.Endpoints;

namespace Pandapon.Commands
{
    /// <summary>Completes Invoke-PandaponRequest -Path with the endpoints the PandaPon documents name (a static list; no network).</summary>
    public sealed class ApiPathCompleter : IArgumentCompleter
    {
        /// <summary>Path, method, what it does. From docs/api.md and PandaPon's sidebar; paths the documents did not show are left out.</summary>
        internal static readonly string[][] KnownPaths =
        {
            new[] { RefundInfoEndpoint.Path, RefundInfoEndpoint.Method, "1688 after-sales detail (body: refundId)" },
            new[] { RefundCreateEndpoint.Path, RefundCreateEndpoint.Method, "1688: create a refund or return application" },
            new[] { ReturnShipmentEndpoint.Path, ReturnShipmentEndpoint.Method, "1688: the buyer submits the return shipment" },
            new[] { OrderDetailEndpoint.Path, OrderDetailEndpoint.Method, "1688 order detail (body: webSite, orderId)" },
            new[] { "/alibaba/order/create/preview", "POST", "1688: preview an order" },
            new[] { "/alibaba/order/create", "POST", "1688: create an order" },
            new[] { "/alibaba/order/batch/create", "POST", "1688: create orders with different merchants" },
            new[] { OrderCancelEndpoint.Path, OrderCancelEndpoint.Method, "1688: cancel an order before payment" },
            new[] { OrderPayUrlEndpoint.Path, OrderPayUrlEndpoint.Method, "1688: the payment URL of an order (query: orderId)" },
            new[] { "/alibaba/order/batch/submit/to/pay", "POST", "1688: developer batch payment (body: orderIds)" },
            new[] { OrderReceiveGoodsEndpoint.Path, OrderReceiveGoodsEndpoint.Method, "1688: the buyer confirms receipt" },
            new[] { "/alibaba/cart/create/order", "POST", "1688: create an order from the shopping cart" },
            new[] { OrderPageEndpoint.Path, OrderPageEndpoint.Method, "1688 (v2): order list, paged" },
            new[] { OrderLogisticsEndpoint.Path, OrderLogisticsEndpoint.Method, "1688: logistics tracking of an order (query: orderId, webSite; path inferred)" },
            new[] { TaobaoRefundListEndpoint.Path, TaobaoRefundListEndpoint.Method, "Taobao: after-sales (reverse order) list, paged" },
            new[] { TaobaoRefundMessageEndpoint.Path, TaobaoRefundMessageEndpoint.Method, "Taobao: send a message on an after-sales order" },
            new[] { TaobaoRefundCancelEndpoint.PathPrefix, TaobaoRefundCancelEndpoint.Method, "Taobao: cancel an after-sales order (append the refund id)" },
            new[] { TaobaoRefundQueryEndpoint.Path, TaobaoRefundQueryEndpoint.Method, "Taobao (v2): after-sales detail (query: refundId)" },
            new[] { "/v2/taobao/order/refund/render", "POST", "Taobao (v2): refund reasons and the maximum fee" },
        };

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string typed = (wordToComplete ?? "").Trim('\'', '"');
            foreach (string[] path in KnownPaths)
            {
                if (path[0].StartsWith(typed, StringComparison.OrdinalIgnoreCase) || (typed.Length > 1 && path[0].IndexOf(typed, StringComparison.OrdinalIgnoreCase) >= 0))
                    yield return new CompletionResult(path[0], path[0], CompletionResultType.ParameterValue, $"{path[1]} {path[0]}: {path[2]}");
            }
        }
    }
}
