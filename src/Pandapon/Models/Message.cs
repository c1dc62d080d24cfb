namespace Pandapon.Models
{
    /// <summary>A message of a type the module does not know: the envelope's facts and the body as sent.</summary>
    public sealed class Message : PandaponMessage
    {
        /// <summary>The body as PowerShell objects (a PSCustomObject for an object body), as ConvertFrom-Json gives it.</summary>
        public object? Body { get; set; }

        protected override string? LabelId => null;
    }
}
