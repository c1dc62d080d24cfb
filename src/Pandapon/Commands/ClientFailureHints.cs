using System.Collections.Generic;
using Pandapon.Api;
using Pandapon.Client;

namespace Pandapon.Commands
{
    /// <summary>
    /// What the cmdlets tell the user about the failures every endpoint shares, naming the cmdlets and parameters that
    /// help (set on every request by <see cref="ApiParametersCmdlet.ApplyTo"/>). The codes are docs/api.md's ("Envelope").
    /// </summary>
    internal static class ClientFailureHints
    {
        public static readonly FailureHints Instance = new FailureHints(
            new Dictionary<int, string>
            {
                [40101] = "A system header was not sent; this is a bug in Pandapon, please report it.",
                [40102] = "Check the access key (Get-PandaponCredential shows which credentials were used and where they came from).",
                [40103] = "Check the user id: it must be the one the access key belongs to (-UserId, Set-PandaponCredential -UserId).",
                [40104] = "Check the secret key and the signature recipe: Test-PandaponCredential -TryRecipes tries the known recipes (-SignatureTemplate, -SignatureAlgorithm, -SignatureCase, -TimestampUnit).",
                [40105] = "Check this computer's clock (the timestamp must be within 600 s of the server's) and the timestamp unit (-TimestampUnit; Test-PandaponCredential -TryRecipes).",
                [40106] = "The nonce was used before; send the request again.",
            },
            new Dictionary<ApiErrorKind, string>
            {
                [ApiErrorKind.Authentication] = "Check the access key, secret key and user id (Get-PandaponCredential), then run Test-PandaponCredential -TryRecipes.",
                [ApiErrorKind.RateLimited] = "Slow down: lower -ThrottleLimit or wait before trying again.",
                [ApiErrorKind.Timeout] = "Raise -TimeoutSec if the server is slow.",
                [ApiErrorKind.ProxyAuthentication] = "Give the proxy's user name and password with -ProxyCredential (or -ProxyUseDefaultCredentials for the current Windows user), " +
                    "or save them in the profile: Set-PandaponCredential ... -Proxy <address> -ProxyCredential (Get-Credential) -StoreAs <name>.",
            },
            redirect: "If the endpoint has moved, set it with -Endpoint or Set-PandaponCredential -Endpoint.");
    }
}
