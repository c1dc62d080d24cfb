using Pandapon.Endpoints;

namespace Pandapon.Commands
{
    /// <summary>
    /// The base of the cmdlets that change a 1688 order (Stop-PandaponOrder, Confirm-PandaponOrderReceipt): beyond
    /// <see cref="ApiWriteCmdlet"/>, the order read back through <c>/alibaba/order/detail</c> for -PassThru.
    /// </summary>
    public abstract class OrderWriteCmdlet : ApiWriteCmdlet
    {
        /// <summary>
        /// Reads order <paramref name="orderId"/> back and writes it (-PassThru). A failure says that the write itself
        /// succeeded (<paramref name="whatWasDone"/>), so that nobody sends it again.
        /// </summary>
        protected void WriteOrderReadBack(string orderId, object? target, string whatWasDone)
        {
            OrderDetailEndpoint read = OrderDetailEndpoint.Check(orderId, GetPandaponOrderCommand.Names);
            WriteReadBack(read.Request(), read.Read, target, whatWasDone, $"order {orderId}",
                $"Read the order later with Get-PandaponOrder -OrderId {orderId}; 1688 may take a moment to show a change.");
        }
    }
}
