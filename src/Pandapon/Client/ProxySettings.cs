using System;
using System.Net;
using Pandapon.Values;

namespace Pandapon.Client
{
    /// <summary>
    /// How requests reach the endpoint when the user chose it: through a named proxy (with a user name and password,
    /// the current user's Windows credentials, or none), or directly, past any proxy of the environment. No settings
    /// at all (a null <see cref="ProxySettings"/>) means .NET's default proxy: HTTPS_PROXY, HTTP_PROXY, ALL_PROXY and
    /// NO_PROXY, or the system's proxy on Windows and macOS (docs/internals.md, "Proxies").
    /// The password is internal, as the secret key is, and takes no part in <see cref="ToString"/> or the hash code.
    /// </summary>
    public sealed class ProxySettings : IEquatable<ProxySettings>
    {
        /// <summary>Straight to the endpoint, whatever the environment's proxy (-NoProxy).</summary>
        public static readonly ProxySettings Direct = new ProxySettings(null, null, null, false);

        private ProxySettings(Uri? address, string? userName, string? password, bool useDefaultCredentials)
        {
            Address = address;
            UserName = userName;
            Password = password;
            UseDefaultCredentials = useDefaultCredentials;
        }

        /// <summary>
        /// Through the proxy at <paramref name="address"/> (checked by <see cref="ParseAddress"/>); with a user name and
        /// password, or the current user's credentials, or neither.
        /// </summary>
        public static ProxySettings Through(Uri address, string? userName = null, string? password = null, bool useDefaultCredentials = false)
        {
            if (address == null) throw new ArgumentNullException(nameof(address));
            if (string.IsNullOrEmpty(userName) != string.IsNullOrEmpty(password))
                throw new ArgumentException("A proxy user name needs a password, and a password a user name.", nameof(userName));
            if (useDefaultCredentials && userName != null)
                throw new ArgumentException("A proxy is given either a user name and password or the current user's credentials, not both.", nameof(useDefaultCredentials));
            return new ProxySettings(address, string.IsNullOrEmpty(userName) ? null : userName, string.IsNullOrEmpty(password) ? null : password, useDefaultCredentials);
        }

        /// <summary>The proxy's address; null for <see cref="Direct"/>.</summary>
        public Uri? Address { get; }

        /// <summary>The user name the proxy is given (as typed, "DOMAIN\user" included); null without one.</summary>
        public string? UserName { get; }

        internal string? Password { get; }

        /// <summary>The proxy is given the current user's credentials (Windows: Kerberos or NTLM).</summary>
        public bool UseDefaultCredentials { get; }

        public bool IsDirect => Address == null;

        /// <summary>
        /// Parses a proxy address: an absolute http:// URL, or on PowerShell 7 (.NET) also https:// (TLS to the proxy)
        /// or socks5://; a host and no more (a trailing "/" is allowed); no user name or password in it, since the
        /// text would then hold the password where it is shown, logged and saved in clear (-ProxyCredential carries
        /// them). Errors are <see cref="InvalidValueException"/> naming <paramref name="source"/> and the value, the
        /// password shown as ***.
        /// </summary>
        public static Uri ParseAddress(string? text, string source)
        {
            if (TryParseAddress(text, Platform.IsNetFramework, out Uri? address, out string? reason)) return address!;
            throw new InvalidValueException($"{source} '{PandaponEndpoint.HideUserInfo(text)}' is not a valid proxy address: {reason}.", source);
        }

        internal static bool TryParseAddress(string? text, bool netFramework, out Uri? address, out string? reason)
        {
            address = null;
            reason = null;
            if (string.IsNullOrWhiteSpace(text))
            {
                reason = "it is empty";
                return false;
            }
            if (text!.IndexOf("://", StringComparison.Ordinal) < 0)
            {
                reason = "it has no scheme; write it as http://host:port (a proxy is reached by http://, https:// or socks5://)";
                return false;
            }
            if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out Uri? uri) || uri.IsFile || uri.IsUnc || string.IsNullOrEmpty(uri.Host))
            {
                reason = "it is not an absolute URL such as http://proxy.example.com:8080";
                return false;
            }
            string scheme = uri.Scheme.ToLowerInvariant();
            if (scheme != "http" && scheme != "https" && scheme != "socks5")
            {
                reason = $"the scheme '{uri.Scheme}' is not one a proxy is reached by: use http://, https:// or socks5://";
                return false;
            }
            if (netFramework && scheme != "http")
            {
                reason = $"Windows PowerShell 5.1 (.NET Framework) reaches a proxy over http:// only; {scheme}:// needs PowerShell 7";
                return false;
            }
            if (!string.IsNullOrEmpty(uri.UserInfo))
            {
                reason = "it must not contain a user name or password; give them with -ProxyCredential";
                return false;
            }
            if (uri.AbsolutePath != "/" || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
            {
                reason = "a proxy address is a host and port only, with no path, query (?) or fragment (#)";
                return false;
            }
            address = new Uri(uri.GetLeftPart(UriPartial.Authority) + "/");
            return true;
        }

        /// <summary>The credentials the proxy is given, or null.</summary>
        internal ICredentials? NetworkCredentials()
        {
            if (UseDefaultCredentials) return CredentialCache.DefaultCredentials;
            if (UserName == null) return null;
            // "DOMAIN\user" as PSCredential.GetNetworkCredential() splits it, for NTLM and Negotiate proxies.
            int slash = UserName.IndexOf('\\');
            return slash > 0 ? new NetworkCredential(UserName.Substring(slash + 1), Password, UserName.Substring(0, slash)) : new NetworkCredential(UserName, Password);
        }

        /// <summary>How the settings are shown (Verbose, Get-PandaponCredential): the address and user name, never the password.</summary>
        public override string ToString()
        {
            if (IsDirect) return "no proxy";
            string address = Address!.GetLeftPart(UriPartial.Authority);
            if (UserName != null) return $"{address} (user {UserName})";
            return UseDefaultCredentials ? $"{address} (the current user's credentials)" : address;
        }

        /// <summary>Equal settings share one HTTP client: the same address, user name, password and credential choice (the password compared, never hashed).</summary>
        public bool Equals(ProxySettings? other)
            => other != null && Equals(Address, other.Address) && string.Equals(UserName, other.UserName, StringComparison.Ordinal)
                && string.Equals(Password, other.Password, StringComparison.Ordinal) && UseDefaultCredentials == other.UseDefaultCredentials;

        public override bool Equals(object? obj) => Equals(obj as ProxySettings);

        public override int GetHashCode()
        {
            unchecked
            {
                int hash = Address?.GetHashCode() ?? 0;
                hash = hash * 31 + (UserName == null ? 0 : StringComparer.Ordinal.GetHashCode(UserName));
                return hash * 31 + (UseDefaultCredentials ? 1 : 0);
            }
        }
    }
}
