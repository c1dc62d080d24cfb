using System.Buffers;
using System.Text.Json;

namespace Pandapon.Sandbox.Data;

/// <summary>
/// The tracking steps of an order's parcels, in 1688's logistics-trace shape (docs/api-orders.md, "Logistics"):
/// <c>{"logisticsTrace":[{logisticsId, orderId, logisticsBillNo, logisticsCompanyName, logisticsSteps:[{acceptTime, remark}]}]}</c>,
/// steps oldest first. How many steps a parcel has follows the order's status: none before it ships, one while it
/// waits for pick-up, more in transit, a delivery and a signature at the end. Generated from the seed and the order id.
/// </summary>
internal static class OrderLogistics
{
    private const ulong TraceStream = 0x5452_4143_4500_0001;

    private static readonly string[] Hubs = ["杭州转运中心", "金华转运中心", "广州转运中心", "上海转运中心", "义乌分拨中心"];
    private static readonly string[] Couriers = ["王师傅", "李师傅", "张师傅", "陈师傅", "刘师傅"];

    public static byte[] Trace(SandboxOrder order, OrderBook book)
    {
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var w = new Utf8JsonWriter(buffer, RefundJson.WriterOptions))
        {
            int stage = OrderStatus.TraceStage(order.Status);
            // A terminated order that had shipped stopped in transit.
            if (stage == 0 && order.Waybills.Count > 0) stage = 2;
            w.WriteStartObject();
            w.WriteStartArray("logisticsTrace");
            for (int i = 0; i < order.Waybills.Count; i++)
            {
                Waybill waybill = order.Waybills[i];
                w.WriteStartObject();
                w.WriteString("logisticsId", waybill.LogisticsId);
                w.WriteNumber("orderId", order.OrderId);
                w.WriteString("logisticsBillNo", waybill.BillNo);
                w.WriteString("logisticsCompanyName", waybill.CompanyName);
                w.WriteStartArray("logisticsSteps");
                foreach (var (time, remark) in Steps(order, waybill, stage, book.RandomFor(TraceStream + (ulong)i, order.OrderId)))
                {
                    w.WriteStartObject();
                    w.WriteString("acceptTime", RefundGenerator.Plain(time));
                    w.WriteString("remark", remark);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static IEnumerable<(DateTime Time, string Remark)> Steps(SandboxOrder order, Waybill waybill, int stage, SplitMix64 rng)
    {
        DateTime time = order.Shipped!.Value;
        yield return (time, $"【{waybill.FromCity}】卖家已发货，包裹等待{waybill.CompanyName}揽收");
        if (stage < 2) yield break;
        time = time.AddMinutes(rng.Next(60, 8 * 60));
        yield return (time, $"【{waybill.FromCity}】{waybill.CompanyName}已揽收，运单号{waybill.BillNo}");
        int hops = rng.Next(1, 4);
        for (int h = 0; h < hops; h++)
        {
            string hub = rng.Pick(Hubs);
            time = time.AddMinutes(rng.Next(3 * 60, 14 * 60));
            yield return (time, $"快件已到达【{hub}】");
            time = time.AddMinutes(rng.Next(30, 4 * 60));
            yield return (time, $"快件已从【{hub}】发出，下一站【义乌市】");
        }
        if (stage < 3) yield break;
        time = time.AddMinutes(rng.Next(4 * 60, 12 * 60));
        string courier = rng.Pick(Couriers);
        string phone = "1" + rng.Digits(10, 3);
        yield return (time, $"【义乌市】快件正在派送中，派送员：{courier}，电话：{phone}");
        if (stage < 4) yield break;
        time = time.AddMinutes(rng.Next(30, 5 * 60));
        yield return (time, $"【义乌市】快件已签收，签收人：PandaPon仓库，感谢使用{waybill.CompanyName}");
    }
}
