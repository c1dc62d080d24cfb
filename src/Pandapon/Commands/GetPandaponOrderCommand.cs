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
    /// <para type="synopsis">Gets 1688 orders: by id, or as a list filtered by status and time, paged lazily.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PandaponOrder", DefaultParameterSetName = ListSet, SupportsPaging = true, HelpUri = OnlineHelp.BaseUri + "Get-PandaponOrder.md")]
    [OutputType(typeof(Order))]
    [OutputType(typeof(PSObject))]
    public sealed class GetPandaponOrderCommand : PandaponApiCmdlet
    {
        private const string ListSet = "List";
        private const string ByIdSet = "ById";

        /// <summary>The order ids (19 digits). From the pipeline by value, or by property name (OrderId, orderId, order_id, Id).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("order_id", "Id")]
        [AllowEmptyString]
        [IdTransformation("-OrderId", "OrderId", "order_id", "Id")]
        public string[] OrderId { get; set; } = new string[0];

        /// <summary>Only orders in this 1688 status.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ArgumentCompleter(typeof(OrderStatusCompleter))]
        [TextTransformation("-Status", OneValue = true)]
        public string? Status { get; set; }

        /// <summary>Only orders placed at or after this time.</summary>
        [Parameter(ParameterSetName = ListSet)]
        public DateTimeOffset? CreatedAfter { get; set; }

        /// <summary>Only orders placed at or before this time.</summary>
        [Parameter(ParameterSetName = ListSet)]
        public DateTimeOffset? CreatedBefore { get; set; }

        /// <summary>Orders per request (1-100).</summary>
        [Parameter(ParameterSetName = ListSet)]
        public int PageSize { get; set; } = OrderPageEndpoint.DefaultPageSize;

        /// <summary>Extra body fields of the page request, for filters the cmdlet does not have.</summary>
        [Parameter(ParameterSetName = ListSet)]
        public Hashtable? Filter { get; set; }

        /// <summary>How many requests may be in flight at once (by id).</summary>
        [Parameter(ParameterSetName = ByIdSet)]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 8;

        /// <summary>Emit each order as the API sent it (a PSCustomObject) instead of an Order.</summary>
        [Parameter]
        public SwitchParameter Raw { get; set; }

        /// <summary>This cmdlet's parameters by the API fields they fill, for the endpoints' checks.</summary>
        internal static readonly ParameterNames Names = new ParameterNames(new Dictionary<string, string>
        {
            ["orderId"] = ParameterName(nameof(OrderId)),
            ["orderStatus"] = ParameterName(nameof(Status)),
            ["createStartTime"] = ParameterName(nameof(CreatedAfter)),
            ["createEndTime"] = ParameterName(nameof(CreatedBefore)),
            ["pageSize"] = ParameterName(nameof(PageSize)),
            ["filter"] = ParameterName(nameof(Filter)),
        });

        protected override int MaxConcurrentRequests => ThrottleLimit;

        protected override string? ProgressActivity => "Get-PandaponOrder: reading orders";

        protected override void BeginProcessing()
        {
            if (ParameterSetName == ByIdSet)
            {
                ListReads.RefusePagingWithIds(this, ParameterName(nameof(OrderId)), "the order list", "Get-PandaponOrder");
                if (MyInvocation.BoundParameters.ContainsKey(nameof(OrderId))) ExpectedTotal = OrderId.Length;
            }
            base.BeginProcessing();
        }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ListSet)
            {
                ListReads.Write(this, extraFields => OrderPageEndpoint.Check(Status, CreatedAfter, CreatedBefore, PageSize, extraFields, Names),
                    Filter, ParameterName(nameof(Filter)), Raw, "orders");
                return;
            }
            ByIdReads.SubmitEach(this, OrderId, id => OrderDetailEndpoint.Check(id, Names), "Pandapon.InvalidOrderId", read => read.Request(), read => read.Read, Raw);
        }
    }
}
