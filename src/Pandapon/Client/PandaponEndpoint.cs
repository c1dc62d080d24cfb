using System;
using Pandapon.Values;

namespace Pandapon.Client
{
    /// <summary>Checks an endpoint URL once, the same way for parameters, profiles and environment variables.</summary>
    public static class PandaponEndpoint
    {
        public static readonly Uri Default = new Uri("https://api.pandapon.com/");

        /// <summary>
        /// Parses an endpoint: an absolute https URL, or http only for a loopback host (127.0.0.0/8, ::1, localhost),
        /// with no query, fragment or user info. A base path (https://host/api) is kept. The result ends in "/".
        /// </summary>
        public static bool TryParse(string? text, out Uri? endpoint, out string? reason)
        {
            endpoint = null;
            reason = null;
            if (string.IsNullOrWhiteSpace(text))
            {
                reason = "it is empty";
                return false;
            }
            if (!Uri.TryCreate(text!.Trim(), UriKind.Absolute, out Uri? uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                reason = "it is not an absolute http:// or https:// URL";
                return false;
            }
            if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
            {
                reason = "plain http:// is accepted only for a loopback host (127.0.0.1, ::1, localhost); use https://";
                return false;
            }
            if (!string.IsNullOrEmpty(uri.UserInfo))
            {
                reason = "it must not contain a user name or password";
                return false;
            }
            if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
            {
                reason = "it must not contain a query (?) or a fragment (#)";
                return false;
            }
            string basePath = uri.AbsolutePath.TrimEnd('/') + "/";
            endpoint = new Uri(uri.GetLeftPart(UriPartial.Authority) + basePath);
            return true;
        }

        /// <summary>Parses or throws an <see cref="ArgumentException"/> that names <paramref name="source"/> and the value.</summary>
        public static Uri Parse(string? text, string source)
        {
            if (TryParse(text, out Uri? endpoint, out string? reason)) return endpoint!;
            throw new InvalidValueException($"{source} '{HideUserInfo(text)}' is not a valid PandaPon endpoint: {reason}.", source);
        }

        /// <summary>
        /// The text with a user name and password (https://user:password@host) shown as ***: an endpoint is refused
        /// when it holds them, and the error that says so must not repeat the password.
        /// </summary>
        public static string? HideUserInfo(string? text)
        {
            if (text == null) return null;
            int start = text.IndexOf("://", StringComparison.Ordinal);
            if (start < 0) return text;
            start += 3;
            int end = text.IndexOfAny(new[] { '/', '?', '#' }, start);
            if (end < 0) end = text.Length;
            int at = end > start ? text.LastIndexOf('@', end - 1, end - start) : -1;
            return at < 0 ? text : text.Substring(0, start) + "***" + text.Substring(at);
        }

        /// <summary>How an endpoint is written back to users and profiles: without the trailing slash of the root.</summary>
        public static string Display(Uri endpoint) => endpoint.AbsoluteUri.TrimEnd('/');
    }
}
