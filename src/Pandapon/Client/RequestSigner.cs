using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Pandapon.Client
{
    /// <summary>How the signature digest is computed.</summary>
    public enum SignatureAlgorithm
    {
        MD5,
        SHA1,
        SHA256,
        /// <summary>HMAC-SHA256 keyed with the secret key (written "HMAC-SHA256" by users).</summary>
        HmacSha256,
    }

    /// <summary>Letter case of the hex digest.</summary>
    public enum SignatureCase
    {
        Upper,
        Lower,
    }

    /// <summary>The signing recipe: a canonical-string template, a digest and a case.</summary>
    public sealed class SignatureOptions
    {
        public const string DefaultTemplate = "access-key={AccessKey}&nonce-str={Nonce}&timestamp={Timestamp}&key={SecretKey}";

        public static readonly SignatureOptions Default = new SignatureOptions(DefaultTemplate, SignatureAlgorithm.MD5, SignatureCase.Upper);

        public SignatureOptions(string? template, SignatureAlgorithm algorithm, SignatureCase letterCase)
        {
            Template = string.IsNullOrEmpty(template) ? DefaultTemplate : template!;
            RequestSigner.ValidateTemplate(Template);
            Algorithm = algorithm;
            Case = letterCase;
        }

        public string Template { get; }
        public SignatureAlgorithm Algorithm { get; }
        public SignatureCase Case { get; }

        public bool IsDefault => Template == DefaultTemplate && Algorithm == SignatureAlgorithm.MD5 && Case == SignatureCase.Upper;
    }

    /// <summary>The values that a signature template may refer to.</summary>
    public sealed class SigningInput
    {
        public string AccessKey { get; set; } = "";
        public string SecretKey { get; set; } = "";
        public string Timestamp { get; set; } = "";
        public string Nonce { get; set; } = "";
        public string UserId { get; set; } = "";
        public string Method { get; set; } = "";
        public string Path { get; set; } = "";
        public string Body { get; set; } = "";
    }

    /// <summary>
    /// Builds the canonical string and the signature of a PandaPon request. Shared, as one source file,
    /// by the module and by the sandbox that verifies what the module signs.
    /// </summary>
    public static class RequestSigner
    {
        public const string RedactedSecret = "***";
        public const int NonceLength = 32;

        private static readonly string[] Placeholders =
            { "AccessKey", "Nonce", "Timestamp", "UserId", "SecretKey", "Method", "Path", "Body" };

        private const string NonceAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

        /// <summary>Throws <see cref="ArgumentException"/> naming the first unknown or unclosed placeholder.</summary>
        public static void ValidateTemplate(string template)
        {
            if (string.IsNullOrEmpty(template))
                throw new ArgumentException("The signature template is empty.", nameof(template));
            Expand(template, new SigningInput(), redactSecret: true);
        }

        /// <summary>The canonical string; with <paramref name="redactSecret"/> the secret is shown as ***.</summary>
        public static string BuildCanonical(SignatureOptions options, SigningInput input, bool redactSecret = false)
            => Expand(options.Template, input, redactSecret);

        /// <summary>The signature: the digest of the canonical string, as hex in the recipe's case.</summary>
        public static string Sign(SignatureOptions options, SigningInput input)
        {
            byte[] canonical = Encoding.UTF8.GetBytes(BuildCanonical(options, input));
            byte[] digest;
            switch (options.Algorithm)
            {
                case SignatureAlgorithm.MD5:
                    using (var md5 = MD5.Create()) digest = md5.ComputeHash(canonical);
                    break;
                case SignatureAlgorithm.SHA1:
                    using (var sha1 = SHA1.Create()) digest = sha1.ComputeHash(canonical);
                    break;
                case SignatureAlgorithm.SHA256:
                    using (var sha256 = SHA256.Create()) digest = sha256.ComputeHash(canonical);
                    break;
                case SignatureAlgorithm.HmacSha256:
                    using (var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(input.SecretKey))) digest = hmac.ComputeHash(canonical);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(options), options.Algorithm, "Unknown signature algorithm.");
            }
            return ToHex(digest, options.Case == SignatureCase.Upper);
        }

        /// <summary>32 characters [A-Za-z0-9] from a cryptographic source, without modulo bias.</summary>
        public static string NewNonce()
        {
            var chars = new char[NonceLength];
            var buffer = new byte[NonceLength * 2];
            int filled = 0;
            using (var rng = RandomNumberGenerator.Create())
            {
                while (filled < NonceLength)
                {
                    rng.GetBytes(buffer);
                    foreach (byte b in buffer)
                    {
                        // 248 = 4 * 62: values above it would favour the first letters.
                        if (b >= 248) continue;
                        chars[filled++] = NonceAlphabet[b % NonceAlphabet.Length];
                        if (filled == NonceLength) break;
                    }
                }
            }
            return new string(chars);
        }

        /// <summary>Unix epoch milliseconds, UTC, as the API's <c>timestamp</c> header wants it.</summary>
        public static string Timestamp(DateTimeOffset time) => time.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

        /// <summary>Reads "MD5", "SHA1", "SHA256", "HMAC-SHA256" (also "HmacSha256"), any case.</summary>
        public static bool TryParseAlgorithm(string? text, out SignatureAlgorithm algorithm)
        {
            algorithm = SignatureAlgorithm.MD5;
            if (string.IsNullOrWhiteSpace(text)) return false;
            string normalized = text!.Trim().Replace("-", "").Replace("_", "");
            return Enum.TryParse(normalized, ignoreCase: true, out algorithm) && Enum.IsDefined(typeof(SignatureAlgorithm), algorithm);
        }

        /// <summary>The name users write: MD5, SHA1, SHA256 or HMAC-SHA256.</summary>
        public static string DisplayName(SignatureAlgorithm algorithm) => algorithm == SignatureAlgorithm.HmacSha256 ? "HMAC-SHA256" : algorithm.ToString();

        private static string Expand(string template, SigningInput input, bool redactSecret)
        {
            // One left-to-right pass, so a value that itself contains "{SecretKey}" is never expanded.
            var result = new StringBuilder(template.Length + 96);
            int i = 0;
            while (i < template.Length)
            {
                char c = template[i];
                if (c != '{')
                {
                    result.Append(c);
                    i++;
                    continue;
                }
                int close = template.IndexOf('}', i + 1);
                if (close < 0)
                    throw new ArgumentException($"The signature template has a '{{' at position {i} with no closing '}}'.", nameof(template));
                string name = template.Substring(i + 1, close - i - 1);
                result.Append(Value(name, input, redactSecret));
                i = close + 1;
            }
            return result.ToString();
        }

        private static string Value(string placeholder, SigningInput input, bool redactSecret)
        {
            switch (placeholder)
            {
                case "AccessKey": return input.AccessKey;
                case "Nonce": return input.Nonce;
                case "Timestamp": return input.Timestamp;
                case "UserId": return input.UserId;
                case "SecretKey": return redactSecret ? RedactedSecret : input.SecretKey;
                case "Method": return input.Method;
                case "Path": return input.Path;
                case "Body": return input.Body;
                default:
                    throw new ArgumentException(
                        $"The signature template has an unknown placeholder '{{{placeholder}}}'. Known placeholders: {{{string.Join("}, {", Placeholders)}}}.",
                        "template");
            }
        }

        private static string ToHex(byte[] bytes, bool upper)
        {
            string digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
            var chars = new char[bytes.Length * 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                chars[2 * i] = digits[bytes[i] >> 4];
                chars[2 * i + 1] = digits[bytes[i] & 0xF];
            }
            return new string(chars);
        }
    }
}
