using Pandapon.Client;
using Pandapon.Credentials;

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

        /// <summary>The profile store file, for saved profiles.</summary>
        public string? StorePath { get; set; }

        public static CredentialInfo From(ResolvedCredential resolved) => From(resolved.Credential, resolved.Source, resolved.ProfileName, resolved.StorePath);

        public static CredentialInfo From(ApiCredential credential, CredentialSource source, string? profileName, string? storePath) => new CredentialInfo
        {
            ProfileName = profileName,
            AccessKey = ApiCredential.MaskAccessKey(credential.AccessKey),
            UserId = credential.UserId,
            Endpoint = PandaponEndpoint.Display(credential.Endpoint),
            Source = source,
            SignatureAlgorithm = RequestSigner.DisplayName(credential.Signature.Algorithm),
            SignatureCase = credential.Signature.Case.ToString(),
            SignatureTemplate = credential.Signature.Template,
            StorePath = storePath,
        };

        public override string ToString() => ProfileName ?? Source.ToString();
    }
}
