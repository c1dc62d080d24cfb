using System.Management.Automation;
using Pandapon.Models;

namespace Pandapon.Commands
{
    /// <summary>The one warning per record a tolerant reader left fields unread in (docs/internals.md §5, "Reading data").</summary>
    internal static class UnreadFieldWarnings
    {
        /// <summary>Writes <paramref name="record"/>'s warning, if it has one, and returns the record for the pipeline.</summary>
        public static T Warn<T>(Cmdlet cmdlet, T record) where T : IHasUnreadFields
        {
            if (record.UnreadFields.Warning(record.RecordLabel) is string warning) cmdlet.WriteWarning(warning);
            return record;
        }
    }
}
