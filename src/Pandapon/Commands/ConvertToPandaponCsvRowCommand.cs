using System.Management.Automation;
using Pandapon.Values;

namespace Pandapon.Commands
{
    /// <summary>
    /// <para type="synopsis">Turns objects into flat rows of invariant text, so that Export-Csv writes amounts and times that read back the same in every culture.</para>
    /// </summary>
    /// <remarks>
    /// The models keep their types (decimal, DateTimeOffset) for Sort-Object, Where-Object and ConvertTo-Json; this
    /// is the step before Export-Csv. Each value becomes <see cref="InvariantText.Format"/>; the cmdlet only walks
    /// the properties in the order Export-Csv would.
    /// </remarks>
    [Cmdlet(VerbsData.ConvertTo, "PandaponCsvRow", HelpUri = OnlineHelp.BaseUri + "ConvertTo-PandaponCsvRow.md")]
    [OutputType(typeof(PSCustomObject))]
    public sealed class ConvertToPandaponCsvRowCommand : PandaponCmdlet
    {
        /// <summary>
        /// Any object: the module's output (refunds, orders, messages, history records...) or anything else. An array
        /// given by name is converted item by item; PowerShell's binder refuses a null item (one error for a piped null).
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        public PSObject[] InputObject { get; set; } = new PSObject[0];

        protected override void ProcessRecord()
        {
            foreach (PSObject input in InputObject) WriteObject(RowOf(input));
        }

        private static PSObject RowOf(PSObject input)
        {
            var row = new PSObject();
            foreach (PSPropertyInfo property in input.Properties)
                row.Properties.Add(new PSNoteProperty(property.Name, InvariantText.Format(ValueOf(property))));
            return row;
        }

        /// <summary>
        /// The property's value as .NET sees it: a wrapped value unwrapped (so a decimal is a decimal), except a
        /// PSCustomObject, whose text is PowerShell's own (<c>@{a=1}</c>). A getter that throws gives null, an empty
        /// cell, as Export-Csv does.
        /// </summary>
        private static object? ValueOf(PSPropertyInfo property)
        {
            object? value;
            try
            {
                value = property.Value;
            }
            catch (GetValueException)
            {
                return null;
            }
            return value is PSObject wrapped && !(wrapped.BaseObject is PSCustomObject) ? wrapped.BaseObject : value;
        }
    }
}
