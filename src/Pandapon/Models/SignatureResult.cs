namespace Pandapon.Models
{
    /// <summary>What Get-PandaponSignature returns: the inputs, the canonical string (secret shown as ***) and the signature.</summary>
    public sealed class SignatureResult
    {
        public string AccessKey { get; set; } = "";
        public string UserId { get; set; } = "";
        public string Timestamp { get; set; } = "";
        public string Nonce { get; set; } = "";
        public string SignatureAlgorithm { get; set; } = "";
        public string SignatureCase { get; set; } = "";
        public string SignatureTemplate { get; set; } = "";
        public string CanonicalString { get; set; } = "";
        public string Signature { get; set; } = "";

        public override string ToString() => Signature;
    }
}
