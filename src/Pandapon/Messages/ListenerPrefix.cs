using System;
using System.Net;
using Pandapon.Api;
using Pandapon.Client;
using Pandapon.Values;

namespace Pandapon.Messages
{
    /// <summary>
    /// The -Prefix of Receive-PandaponMessage: an http:// URL prefix for HttpListener. Loopback hosts only, unless
    /// the caller allows remote ones: the receiver is meant to sit behind a TLS-terminating reverse proxy.
    /// </summary>
    internal static class ListenerPrefix
    {
        /// <summary>The API-style keys the caller maps to its parameter names (<see cref="ParameterNames"/>).</summary>
        public const string PrefixField = "prefix", AllowRemoteField = "allowRemote";

        /// <summary>
        /// The prefix as HttpListener wants it (ending in "/"); <see cref="InvalidValueException"/> naming the prefix's
        /// parameter otherwise (names from <paramref name="names"/>: the cmdlet layer owns parameter names).
        /// </summary>
        public static string Check(string? text, bool allowRemote, ParameterNames names)
        {
            string prefixName = names[PrefixField];
            string allowRemoteName = names[AllowRemoteField];
            string value = (text ?? "").Trim();
            if (value.Length == 0) throw InputCheck.Invalid(prefixName, text, "a prefix such as http://127.0.0.1:8080/pandapon/ is required");
            if (!value.EndsWith("/", StringComparison.Ordinal)) value += "/";
            int schemeEnd = value.IndexOf("://", StringComparison.Ordinal);
            string scheme = schemeEnd < 0 ? "" : value.Substring(0, schemeEnd);
            if (!scheme.Equals("http", StringComparison.OrdinalIgnoreCase))
                throw InputCheck.Invalid(prefixName, text, "use http:// (TLS belongs to the reverse proxy in front of the receiver; see the help)");
            string rest = value.Substring(schemeEnd + 3);
            int pathStart = rest.IndexOf('/');
            string authority = rest.Substring(0, pathStart);
            string host = HostOf(authority);
            if (host.Length == 0) throw InputCheck.Invalid(prefixName, text, "it names no host");
            if (host == "+" || host == "*")
            {
                if (!allowRemote) throw InputCheck.Invalid(prefixName, text, $"it listens on every address; add {allowRemoteName} to accept messages from other machines");
                return value;
            }
            if (!Uri.TryCreate(value.Replace("://+", "://localhost").Replace("://*", "://localhost"), UriKind.Absolute, out var uri) || uri.Port <= 0)
                throw InputCheck.Invalid(prefixName, text, "it is not an http URL with a host and a port, such as http://127.0.0.1:8080/pandapon/");
            if (!allowRemote && !IsLoopback(host))
                throw InputCheck.Invalid(prefixName, text, $"{host} is not a loopback address (127.0.0.1, ::1, localhost); add {allowRemoteName} to listen on it");
            return value;
        }

        private static string HostOf(string authority)
        {
            if (authority.StartsWith("[", StringComparison.Ordinal))
            {
                int close = authority.IndexOf(']');
                return close < 0 ? "" : authority.Substring(1, close - 1);
            }
            int colon = authority.LastIndexOf(':');
            return colon < 0 ? authority : authority.Substring(0, colon);
        }

        private static bool IsLoopback(string host)
            => host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
               || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
    }
}
