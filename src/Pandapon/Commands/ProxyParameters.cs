using System.Management.Automation;
using Pandapon.Client;
using Pandapon.Credentials;
using Pandapon.Values;

namespace Pandapon.Commands
{
    /// <summary>
    /// -Proxy, -ProxyCredential, -ProxyUseDefaultCredentials and -NoProxy (as Invoke-RestMethod has them) turned into
    /// <see cref="ProxySettings"/>, the same way for the API cmdlets and Set-PandaponCredential. Null when none was
    /// given: the credentials' or the environment's proxy applies.
    /// </summary>
    internal static class ProxyParameters
    {
        /// <summary>The settings, or an <see cref="InvalidValueException"/> naming the parameter (never the password).</summary>
        public static ProxySettings? From(string? proxy, PSCredential? proxyCredential, bool useDefaultCredentials, bool noProxy)
        {
            if (noProxy)
            {
                if (proxy != null || proxyCredential != null || useDefaultCredentials)
                    throw new InvalidValueException("-NoProxy sends requests straight to the endpoint: it cannot be combined with -Proxy, -ProxyCredential or -ProxyUseDefaultCredentials.", "-NoProxy");
                return ProxySettings.Direct;
            }
            if (proxy == null)
            {
                if (proxyCredential != null || useDefaultCredentials)
                    throw new InvalidValueException($"{(proxyCredential != null ? "-ProxyCredential" : "-ProxyUseDefaultCredentials")} needs -Proxy, the address of the proxy it is for " +
                        "(credentials for a proxy of the environment, HTTPS_PROXY or the system's, are not supported).", proxyCredential != null ? "-ProxyCredential" : "-ProxyUseDefaultCredentials");
                return null;
            }
            if (proxyCredential != null && useDefaultCredentials)
                throw new InvalidValueException("-ProxyCredential and -ProxyUseDefaultCredentials cannot be combined: give the proxy a user name and password, or the current user's credentials.", "-ProxyCredential");
            System.Uri address = ProxySettings.ParseAddress(proxy, "-Proxy");
            if (proxyCredential == null) return ProxySettings.Through(address, useDefaultCredentials: useDefaultCredentials);
            string password = SecretText.Reveal(proxyCredential.Password);
            if (string.IsNullOrEmpty(proxyCredential.UserName) || password.Length == 0)
                throw new InvalidValueException("-ProxyCredential needs a user name and a password.", "-ProxyCredential");
            return ProxySettings.Through(address, proxyCredential.UserName, password);
        }

        /// <summary>What an error about these parameters shows as its target: the address without any user name or password.</summary>
        public static object? Target(string? proxy) => PandaponEndpoint.HideUserInfo(proxy);
    }
}
