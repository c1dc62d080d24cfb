using System;

namespace Pandapon.Client
{
    /// <summary>
    /// What signing and sending need: the keys, the user, the endpoint and the signature recipe.
    /// The secret is internal so that it never shows as a property if the object reaches a pipeline or a serializer.
    /// </summary>
    public sealed class ApiCredential
    {
        /// <summary>
        /// The longest access key, secret key or user id accepted (PandaPon's are 32 hex characters and 13 digits);
        /// a longer one is a pasted file, not a key, and is refused before it is hashed or sent (docs/api.md, "Keys").
        /// </summary>
        public const int MaxKeyLength = 256;

        public ApiCredential(string accessKey, string secretKey, string userId, Uri? endpoint = null, SignatureOptions? signature = null)
        {
            if (string.IsNullOrWhiteSpace(accessKey)) throw new ArgumentException("The access key is empty or blank.", nameof(accessKey));
            if (string.IsNullOrEmpty(secretKey)) throw new ArgumentException("The secret key is empty.", nameof(secretKey));
            if (string.IsNullOrEmpty(userId)) throw new ArgumentException("The user id is empty.", nameof(userId));
            // Access key and user id travel as HTTP headers: a line break there would be a header injection, not a typo.
            if (KeyProblem(accessKey, "The access key", isHeader: true) is string badAccessKey) throw new ArgumentException(badAccessKey, nameof(accessKey));
            if (KeyProblem(secretKey, "The secret key", isHeader: false) is string badSecret) throw new ArgumentException(badSecret, nameof(secretKey));
            if (KeyProblem(userId, "The user id", isHeader: true) is string badUserId) throw new ArgumentException(badUserId, nameof(userId));
            AccessKey = accessKey;
            SecretKey = secretKey;
            UserId = userId;
            Endpoint = endpoint ?? PandaponEndpoint.Default;
            Signature = signature ?? SignatureOptions.Default;
        }

        public string AccessKey { get; }
        internal string SecretKey { get; }
        public string UserId { get; }
        public Uri Endpoint { get; }
        public SignatureOptions Signature { get; }

        /// <summary>The most requests per second to send with this key (see <see cref="RateLimiter"/>); 0: adaptive only, set so;
        /// null: not set here (the environment's PANDAPON_MAX_RPS may apply).</summary>
        public double? MaxRequestsPerSecond { get; private set; }

        /// <summary>A copy with some parts replaced (a null argument keeps the current value).</summary>
        public ApiCredential With(Uri? endpoint = null, string? userId = null, SignatureOptions? signature = null)
            => new ApiCredential(AccessKey, SecretKey, userId ?? UserId, endpoint ?? Endpoint, signature ?? Signature) { MaxRequestsPerSecond = MaxRequestsPerSecond, Proxy = Proxy };

        /// <summary>
        /// How requests reach the endpoint: a proxy, or <see cref="ProxySettings.Direct"/>; null: not set here (PANDAPON_PROXY,
        /// else .NET's default proxy from HTTPS_PROXY/HTTP_PROXY/NO_PROXY or the system, may apply).
        /// </summary>
        public ProxySettings? Proxy { get; private set; }

        /// <summary>A copy with other proxy settings; null for not set.</summary>
        public ApiCredential WithProxy(ProxySettings? proxy)
        {
            var copy = With();
            copy.Proxy = proxy;
            return copy;
        }

        /// <summary>A copy with another maximum rate; 0 for none (adaptive only), null for not set.</summary>
        public ApiCredential WithMaxRequestsPerSecond(double? maxRequestsPerSecond)
        {
            if (maxRequestsPerSecond is double rate && (double.IsNaN(rate) || rate < 0))
                throw new ArgumentOutOfRangeException(nameof(maxRequestsPerSecond), maxRequestsPerSecond, "The maximum rate cannot be negative.");
            var copy = With();
            copy.MaxRequestsPerSecond = maxRequestsPerSecond;
            return copy;
        }

        /// <summary>The access key shown as its first and last four characters, as every view shows it.</summary>
        public static string MaskAccessKey(string? accessKey)
        {
            if (string.IsNullOrEmpty(accessKey)) return "";
            return accessKey!.Length <= 8 ? new string('*', accessKey.Length) : accessKey.Substring(0, 4) + "****" + accessKey.Substring(accessKey.Length - 4);
        }

        /// <summary>
        /// Why <paramref name="value"/> cannot be a key (<paramref name="what"/>: "The secret key"), or null: longer than
        /// <see cref="MaxKeyLength"/>, or, for a header value, holding a control character. Never quotes the value.
        /// </summary>
        public static string? KeyProblem(string value, string what, bool isHeader)
        {
            if (value.Length > MaxKeyLength)
                return $"{what} is {value.Length} characters long; at most {MaxKeyLength} are accepted.";
            if (!isHeader) return null;
            foreach (char c in value)
                if (char.IsControl(c)) return $"{what} contains the control character U+{(int)c:X4} (a line break?): it travels as an HTTP header.";
            return null;
        }

        public override string ToString() => $"{MaskAccessKey(AccessKey)} (user {UserId}) at {Endpoint}";
    }
}
