using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using Pandapon.Conversion;
using Pandapon.Endpoints;
using Pandapon.Models;
using Pandapon.Values;

namespace Pandapon.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets Taobao after-sales (reverse orders) by id, or lists them with filters, as typed objects.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PandaponTaobaoRefund", DefaultParameterSetName = ListSet, SupportsPaging = true, HelpUri = OnlineHelp.BaseUri + "Get-PandaponTaobaoRefund.md")]
    [OutputType(typeof(TaobaoRefund))]
    [OutputType(typeof(PSObject))]
    public sealed class GetPandaponTaobaoRefundCommand : PandaponApiCmdlet
    {
        private const string ByIdSet = "ById";
        private const string ListSet = "List";

        /// <summary>
        /// The reverse-order ids (digits). From the pipeline by value, or by property name from RefundId, refundId,
        /// refund_id or Id.
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "refund_id")]
        [AllowEmptyString]
        [IdTransformation("-RefundId", "RefundId", "Id", "refund_id")]
        public string[] RefundId { get; set; } = new string[0];

        /// <summary>How many requests may be in flight at once.</summary>
        [Parameter(ParameterSetName = ByIdSet)]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 8;

        /// <summary>Only reverse orders in this status (<c>refundStatus</c>); Tab completes the names.</summary>
        [Parameter(ParameterSetName = ListSet)]
        public TaobaoRefundStatus? Status { get; set; }

        /// <summary>Only the reverse orders of this Taobao purchase order (<c>purchaseOrderId</c>).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [IdTransformation("-PurchaseOrderId", OneValue = true)]
        public string? PurchaseOrderId { get; set; }

        /// <summary>Only the reverse orders of this sales order of yours (<c>salesOrderId</c>).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [IdTransformation("-SalesOrderId", OneValue = true)]
        public string? SalesOrderId { get; set; }

        /// <summary>Only reverse orders created at or after this time (<c>refundStartTime</c>, sent as epoch milliseconds).</summary>
        [Parameter(ParameterSetName = ListSet)]
        public DateTimeOffset? CreatedAfter { get; set; }

        /// <summary>Only reverse orders created at or before this time (<c>refundEndTime</c>, sent as epoch milliseconds).</summary>
        [Parameter(ParameterSetName = ListSet)]
        public DateTimeOffset? CreatedBefore { get; set; }

        /// <summary>Reverse orders per request (<c>pageSize</c>), 1 to 100.</summary>
        [Parameter(ParameterSetName = ListSet)]
        public int PageSize { get; set; } = TaobaoRefundListEndpoint.DefaultPageSize;

        /// <summary>Further body fields for the list request, for what the parameters do not cover.</summary>
        [Parameter(ParameterSetName = ListSet)]
        public Hashtable? Filter { get; set; }

        /// <summary>Emit the API's data as sent (a PSCustomObject) instead of a TaobaoRefund.</summary>
        [Parameter]
        public SwitchParameter Raw { get; set; }

        /// <summary>This cmdlet's parameters by the API fields they fill, for the endpoints' checks.</summary>
        internal static readonly ParameterNames Names = new ParameterNames(new Dictionary<string, string>
        {
            ["refundId"] = ParameterName(nameof(RefundId)),
            ["refundStatus"] = ParameterName(nameof(Status)),
            ["purchaseOrderId"] = ParameterName(nameof(PurchaseOrderId)),
            ["salesOrderId"] = ParameterName(nameof(SalesOrderId)),
            ["refundStartTime"] = ParameterName(nameof(CreatedAfter)),
            ["refundEndTime"] = ParameterName(nameof(CreatedBefore)),
            ["pageSize"] = ParameterName(nameof(PageSize)),
            ["filter"] = ParameterName(nameof(Filter)),
            [TaobaoRefundQueryEndpoint.AlibabaIdHint] = "read it with Get-PandaponRefund -RefundId instead",
        });

        protected override int MaxConcurrentRequests => ThrottleLimit;

        protected override string? ProgressActivity => "Get-PandaponTaobaoRefund: reading reverse orders";

        protected override void BeginProcessing()
        {
            if (ParameterSetName == ByIdSet) ListReads.RefusePagingWithIds(this, ParameterName(nameof(RefundId)), "the reverse-order list", "Get-PandaponTaobaoRefund");
            // Bound as a parameter (not from the pipeline), the whole list is known: progress can show a percentage.
            if (MyInvocation.BoundParameters.ContainsKey(nameof(RefundId))) ExpectedTotal = RefundId.Length;
            base.BeginProcessing();
        }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ListSet)
            {
                ListReads.Write(this, extraFields => TaobaoRefundListEndpoint.Check(Names, (int?)Status, PurchaseOrderId, SalesOrderId, CreatedAfter, CreatedBefore, PageSize, extraFields),
                    Filter, ParameterName(nameof(Filter)), Raw, "reverse orders");
                return;
            }
            ByIdReads.SubmitEach(this, RefundId, id => TaobaoRefundQueryEndpoint.Check(id, Names), "Pandapon.InvalidRefundId", read => read.Request(), read => read.Read, Raw);
        }
    }
}
