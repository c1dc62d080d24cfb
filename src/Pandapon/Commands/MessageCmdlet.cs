using System.Management.Automation;
using Pandapon.Conversion;
using Pandapon.Messages;
using Pandapon.Models;

namespace Pandapon.Commands
{
    /// <summary>
    /// What ConvertFrom-PandaponMessage and Receive-PandaponMessage share: an envelope becomes its model (a message of
    /// an unknown type gets its body as PowerShell objects), with one warning when fields could not be read; a body
    /// that is not a message becomes a non-terminating error that shows its beginning.
    /// </summary>
    public abstract class MessageCmdlet : PandaponCmdlet
    {
        internal const string InvalidMessageErrorId = "Pandapon.InvalidMessage";

        internal void WriteMessage(MessageEnvelope envelope)
        {
            PandaponMessage message = MessageReader.Read(envelope);
            if (message is Message other) other.Body = JsonToPowerShell.Convert(envelope.Body);
            WriteObject(UnreadFieldWarnings.Warn(this, message));
        }

        internal void WriteInvalid(InvalidMessageException e)
        {
            var record = new ErrorRecord(e, InvalidMessageErrorId, e.TooLarge ? ErrorCategory.LimitsExceeded : ErrorCategory.InvalidData, e.Preview);
            record.ErrorDetails = new ErrorDetails(e.Message)
            {
                RecommendedAction = "Check what sent this body: PandaPon sends a JSON object with messageType, messagePlatform (0 Taobao, 1 1688), timestamp and messageBody.",
            };
            WriteError(record);
        }
    }
}
