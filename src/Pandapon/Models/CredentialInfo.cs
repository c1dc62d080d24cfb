namespace Pandapon.Models
{
    /// <summary>
    /// What Get-PandaponCredential shows of a set of credentials: never the secret, and the access key masked to its
    /// first and last four characters.
    /// </summary>
    public sealed class CredentialInfo
    {
        /// <summary>The saved profile, or empty for credentials from -Credential, the session or the environment.</summary>
        public string? ProfileName { get; set; }

        /// <summary>The access key, masked: "58c0****cf03".</summary>
        public string AccessKey { get; set; } = "";

        public string UserId { get; set; } = "";
        public string Endpoint { get; set; } = "";

        /// <summary>Where the credentials come from (see about_Pandapon for the precedence).</summary>
        public CredentialSource Source { get; set; }

        public string SignatureAlgorithm { get; set; } = "";
        public string SignatureCase { get; set; } = "";
        public string SignatureTemplate { get; set; } = "";

        /// <summary>The unit of the timestamp header: Milliseconds or Seconds.</summary>
        public string TimestampUnit { get; set; } = "";

        /// <summary>The most requests per second sent with this key; 0 when the limiter only adapts to the server's 429s (the default).</summary>
        public double MaxRequestsPerSecond { get; set; }

        /// <summary>
        /// The proxy the calls go through: its address ("http://proxy.example.com:8080"), "None" when they go straight to
        /// the endpoint (-NoProxy), empty when .NET's default applies (HTTPS_PROXY, HTTP_PROXY, NO_PROXY, the system's).
        /// </summary>
        public string Proxy { get; set; } = "";

        /// <summary>The user name given to the proxy (never its password); "(current user)" with -ProxyUseDefaultCredentials.</summary>
        public string? ProxyUserName { get; set; }

        /// <summary>The profile store file, for saved profiles.</summary>
        public string? StorePath { get; set; }

        public override string ToString() => ProfileName ?? Source.ToString();
    }
}
