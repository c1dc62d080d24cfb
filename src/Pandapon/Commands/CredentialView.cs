using Pandapon.Client;
using Pandapon.Credentials;
using Pandapon.Models;

namespace Pandapon.Commands
{
    /// <summary>Makes the <see cref="CredentialInfo"/> that the credential cmdlets show: the secret never, the access key masked.</summary>
    internal static class CredentialView
    {
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
            TimestampUnit = credential.Signature.TimestampUnit.ToString(),
            MaxRequestsPerSecond = credential.MaxRequestsPerSecond ?? 0,
            Proxy = credential.Proxy == null ? "" : credential.Proxy.IsDirect ? "None" : credential.Proxy.Address!.GetLeftPart(System.UriPartial.Authority),
            ProxyUserName = credential.Proxy?.UseDefaultCredentials == true ? "(current user)" : credential.Proxy?.UserName,
            StorePath = storePath,
        };
    }
}
