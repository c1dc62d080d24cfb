using System;

namespace Pandapon.Models
{
    /// <summary>
    /// What Test-PandaponCredential writes: whether the server accepted the credentials and the signing recipe, which
    /// credentials and recipe were tried, the server's answer, and what to change. Never the secret.
    /// </summary>
    public sealed class CredentialTestResult
    {
        /// <summary>True when the server answered with anything but an authentication refusal.</summary>
        public bool Accepted { get; set; }

        public string Endpoint { get; set; } = "";

        /// <summary>Where the credentials come from, as Get-PandaponCredential says it.</summary>
        public string Source { get; set; } = "";

        public string? ProfileName { get; set; }

        /// <summary>The access key, masked: "58c0****cf03".</summary>
        public string AccessKey { get; set; } = "";

        public string UserId { get; set; } = "";
        public string SignatureTemplate { get; set; } = "";
        public string SignatureAlgorithm { get; set; } = "";
        public string SignatureCase { get; set; } = "";
        public string TimestampUnit { get; set; } = "";

        /// <summary>The server's <c>code</c>, when it sent one.</summary>
        public int? Code { get; set; }

        /// <summary>The server's <c>msg</c>, or what went wrong when there was no answer.</summary>
        public string? Message { get; set; }

        public string? RequestId { get; set; }

        /// <summary>The server's clock minus this computer's, from the server's Date header (to the second); empty without one.</summary>
        public TimeSpan? ClockSkew { get; set; }

        /// <summary>What to do next.</summary>
        public string Hint { get; set; } = "";

        public override string ToString() => Accepted ? "Accepted" : "Not accepted";
    }
}
