using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using Pandapon.Endpoints;
using Pandapon.Models;
using Pandapon.Values;

namespace Pandapon.Commands
{
    /// <summary>
    /// <para type="synopsis">Opens a 1688 after-sales refund (or a return and refund) for entries of an order.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "PandaponRefund", HelpUri = OnlineHelp.BaseUri + "New-PandaponRefund.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(RefundCreateResult), typeof(Refund))]
    public sealed class NewPandaponRefundCommand : RefundWriteCmdlet
    {
        /// <summary>The 1688 order (<c>orderId</c>), 19 digits.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [IdTransformation("-OrderId", "OrderId", OneValue = true)]
        public string OrderId { get; set; } = "";

        /// <summary>The order entries to refund (<c>orderEntryIds</c>); one value may hold several separated by ";".</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("orderEntryIds", "OrderEntryIdList")]
        [IdTransformation("-OrderEntryId", "OrderEntryId", "orderEntryIds", "OrderEntryIdList")]
        public string[] OrderEntryId { get; set; } = Array.Empty<string>();

        /// <summary>Refund only, or return and refund (<c>disputeRequest</c>).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [EnumTransformation(typeof(RefundDisputeRequest), "-DisputeRequest")]
        public RefundDisputeRequest DisputeRequest { get; set; }

        /// <summary>The amount asked for, in yuan (<c>applyPayment</c>, sent as fen).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [YuanTransformation("-" + nameof(ApplyPayment))]
        public decimal ApplyPayment { get; set; }

        /// <summary>The freight asked for, in yuan (<c>applyCarriage</c>, sent as fen).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [YuanTransformation("-" + nameof(ApplyCarriage), EmptyIsZero = true)]
        public decimal ApplyCarriage { get; set; }

        /// <summary>The refund reason (<c>applyReasonId</c>).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("applyReasonId")]
        [IdTransformation("-ReasonId", "ReasonId", "applyReasonId", OneValue = true)]
        public string ReasonId { get; set; } = "";

        /// <summary>Why, in 2 to 150 characters (<c>description</c>).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [TextTransformation("-Description", "Description", OneValue = true)]
        public string Description { get; set; } = "";

        /// <summary>Where the goods are (<c>goodsStatus</c>).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateSet(RefundCreateEndpoint.RefundWaitSellerSend, RefundCreateEndpoint.RefundWaitBuyerReceive, RefundCreateEndpoint.RefundBuyerReceived,
            RefundCreateEndpoint.AftersaleBuyerNotReceived, RefundCreateEndpoint.AftersaleBuyerReceived, IgnoreCase = true)]
        [TextTransformation("-GoodsStatus", "GoodsStatus", OneValue = true)]
        public string GoodsStatus { get; set; } = "";

        /// <summary>1 to 5 URLs of uploaded evidence images (<c>vouchers</c>).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("vouchers")]
        [TextTransformation("-Voucher", "Voucher", "vouchers")]
        public string[]? Voucher { get; set; }

        /// <summary>Entry id to the quantity returned (<c>orderEntryCountList</c>).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("orderEntryCountList", "OrderEntryCountMap")]
        [OrderEntryCountTransformation]
        public Hashtable? OrderEntryCount { get; set; }

        /// <summary>
        /// The piped row itself (an Import-Csv row): the other parameters bind from its properties, and every error
        /// for the row has it as its target, so failed rows can be exported again as they were.
        /// </summary>
        [Parameter(ValueFromPipeline = true)]
        public PSObject? InputObject { get; set; }

        /// <summary>What an error names as its target: the piped row, or the order id when called with parameters.</summary>
        private object Target => InputObject ?? (object)OrderId;

        /// <summary>
        /// This cmdlet's parameters by the API fields they fill: the endpoint's checks and hints name them so
        /// (Invoke-PandaponRequest's hints for this path too). "refund-reasons" says where reason ids are listed.
        /// </summary>
        internal static readonly ParameterNames Names = new ParameterNames(new Dictionary<string, string>
        {
            ["orderId"] = ParameterName(nameof(OrderId)),
            ["orderEntryIds"] = ParameterName(nameof(OrderEntryId)),
            ["disputeRequest"] = ParameterName(nameof(DisputeRequest)),
            ["applyPayment"] = ParameterName(nameof(ApplyPayment)),
            ["applyCarriage"] = ParameterName(nameof(ApplyCarriage)),
            ["applyReasonId"] = ParameterName(nameof(ReasonId)),
            ["description"] = ParameterName(nameof(Description)),
            ["goodsStatus"] = ParameterName(nameof(GoodsStatus)),
            ["vouchers"] = ParameterName(nameof(Voucher)),
            ["orderEntryCountList"] = ParameterName(nameof(OrderEntryCount)),
            ["user-id"] = ParameterName(nameof(UserId)),
            ["profile"] = ParameterName(nameof(ProfileName)),
            ["refund-reasons"] = "see Invoke-PandaponRequest's help, example 3",
        });

        protected override void ProcessRecord()
        {
            RefundCreateEndpoint application;
            try
            {
                application = RefundCreateEndpoint.Check(Names, OrderId, OrderEntryId, DisputeRequest, ApplyPayment, ApplyCarriage, ReasonId, Description,
                    GoodsStatus, Voucher, Counts(OrderEntryCount));
            }
            catch (ArgumentException e)
            {
                WriteError(ErrorRecords.FromRefusedInput(e, "Pandapon.InvalidArgument", Target));
                return;
            }

            string order = application.OrderId.ToString(CultureInfo.InvariantCulture);
            string entries = string.Join(", ", application.OrderEntryIds.Select(id => id.ToString(CultureInfo.InvariantCulture)));
            string what = application.DisputeRequest == RefundDisputeRequest.ReturnRefund ? "return and refund" : "refund only";
            string action = $"Open a refund ({what}, {Yuan(application.ApplyPaymentFen)} CNY plus freight {Yuan(application.ApplyCarriageFen)} CNY, {application.GoodsStatus})";
            if (!ShouldProcessUnlessForced(Force, $"1688 order {order}, entries {entries}", action)) return;

            RefundCreateResult? created = SendWrite(application.Request(), Target, application.Read, "Pandapon.RefundOutcomeUnknown",
                $"The refund for order {order} may or may not have been created.",
                $"Before you try again, check whether it exists: Invoke-PandaponRequest /alibaba/order/detail -Body @{{ webSite = '1688'; orderId = '{order}' }} -Idempotent " +
                "shows a refundId and refundStatus on each of the order's productItems; or look in the PandaPon console.");
            if (created == null) return;
            if (PassThru) WriteRefundReadBack(created.RefundId, Target, $"The refund {created.RefundId} was opened for order {order}");
            else WriteObject(created);
        }

        private static string Yuan(long fen) => Money.FenToYuan(fen).ToString(CultureInfo.InvariantCulture);

        /// <summary>The hashtable's pairs with text keys and plain values (the order of the entries comes from -OrderEntryId).</summary>
        private static IEnumerable<KeyValuePair<string, object?>>? Counts(Hashtable? counts)
        {
            if (counts == null) return null;
            var pairs = new List<KeyValuePair<string, object?>>();
            foreach (DictionaryEntry entry in counts)
            {
                object? key = entry.Key is PSObject k ? k.BaseObject : entry.Key;
                object? value = entry.Value is PSObject v ? v.BaseObject : entry.Value;
                pairs.Add(new KeyValuePair<string, object?>(Convert.ToString(key, CultureInfo.InvariantCulture) ?? "", value));
            }
            return pairs;
        }
    }
}
