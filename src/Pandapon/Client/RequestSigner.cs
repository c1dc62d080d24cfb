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

    /// <summary>The unit of the <c>timestamp</c> header: Unix epoch milliseconds (13 digits) or seconds (10 digits).</summary>
    public enum TimestampUnit
    {
        Milliseconds,
        Seconds,
    }

    /// <summary>The signing recipe: a canonical-string template, a digest, a case and the timestamp's unit.</summary>
    public sealed class SignatureOptions
    {
        /// <summary>
        /// The four values joined bare, as public client code that calls PandaPon signs (docs/api.md, "Signing";
        /// inferred): no names, no separators; body, query and user-id are not signed.
        /// </summary>
        public const string DefaultTemplate = "{AccessKey}{Timestamp}{Nonce}{SecretKey}";

        /// <summary>The default before version 0.2: WeChat-Pay style key=value pairs. Still a documented alternative.</summary>
        public const string KeyValueTemplate = "access-key={AccessKey}&nonce-str={Nonce}&timestamp={Timestamp}&key={SecretKey}";

        public static readonly SignatureOptions Default = new SignatureOptions(DefaultTemplate, SignatureAlgorithm.MD5, SignatureCase.Upper);

        public SignatureOptions(string? template, SignatureAlgorithm algorithm, SignatureCase letterCase, TimestampUnit timestampUnit = TimestampUnit.Milliseconds)
        {
            Template = string.IsNullOrEmpty(template) ? DefaultTemplate : template!;
            RequestSigner.ValidateTemplate(Template, algorithm);
            if (!Enum.IsDefined(typeof(TimestampUnit), timestampUnit))
                throw new ArgumentOutOfRangeException(nameof(timestampUnit), timestampUnit, "The timestamp unit is Milliseconds or Seconds.");
            Algorithm = algorithm;
            Case = letterCase;
            TimestampUnit = timestampUnit;
        }

        public string Template { get; }
        public SignatureAlgorithm Algorithm { get; }
        public SignatureCase Case { get; }
        public TimestampUnit TimestampUnit { get; }

        public bool IsDefault => Template == DefaultTemplate && Algorithm == SignatureAlgorithm.MD5 && Case == SignatureCase.Upper
            && TimestampUnit == TimestampUnit.Milliseconds;

        /// <summary>A copy with some parts replaced.</summary>
        public SignatureOptions With(string? template = null, SignatureAlgorithm? algorithm = null, SignatureCase? letterCase = null, TimestampUnit? timestampUnit = null)
            => new SignatureOptions(template ?? Template, algorithm ?? Algorithm, letterCase ?? Case, timestampUnit ?? TimestampUnit);

        /// <summary>e.g. "MD5, Upper, Milliseconds, {AccessKey}{Timestamp}{Nonce}{SecretKey}": the whole recipe on one line.</summary>
        public override string ToString() => $"{RequestSigner.DisplayName(Algorithm)}, {Case}, {TimestampUnit}, {Template}";
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

        /// <summary>
        /// Throws <see cref="ArgumentException"/> naming the first unknown or unclosed placeholder, or saying that the
        /// template leaves the secret out: a signature that does not depend on the secret proves nothing, so a
        /// template must hold {SecretKey} unless the digest is keyed with the secret (HMAC-SHA256).
        /// </summary>
        public static void ValidateTemplate(string template, SignatureAlgorithm algorithm = SignatureAlgorithm.MD5)
        {
            if (string.IsNullOrEmpty(template))
                throw new ArgumentException("The signature template is empty.", nameof(template));
            if (template.Length > MaxTemplateLength)
                throw new ArgumentException($"The signature template is {template.Length} characters long, more than {MaxTemplateLength}.", nameof(template));
            Expand(template, new SigningInput(), redactSecret: true);
            if (algorithm != SignatureAlgorithm.HmacSha256 && template.IndexOf("{SecretKey}", StringComparison.Ordinal) < 0)
                throw new ArgumentException("The signature template does not contain {SecretKey}: a signature that does not depend on the secret proves nothing (only HMAC-SHA256, keyed with the secret, may leave it out).", nameof(template));
        }

        /// <summary>Longest template accepted: recipes are a few dozen characters; this bounds what a typo can cost.</summary>
        public const int MaxTemplateLength = 1024;

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

        /// <summary>Unix epoch time, UTC, in <paramref name="unit"/>, as the API's <c>timestamp</c> header wants it.</summary>
        public static string Timestamp(DateTimeOffset time, TimestampUnit unit = TimestampUnit.Milliseconds)
            => (unit == TimestampUnit.Seconds ? time.ToUnixTimeSeconds() : time.ToUnixTimeMilliseconds()).ToString(CultureInfo.InvariantCulture);

        /// <summary>Reads "Milliseconds"/"ms" or "Seconds"/"s", any case.</summary>
        public static bool TryParseTimestampUnit(string? text, out TimestampUnit unit)
        {
            unit = TimestampUnit.Milliseconds;
            string trimmed = (text ?? "").Trim();
            if (trimmed.Equals("Milliseconds", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("ms", StringComparison.OrdinalIgnoreCase)) return true;
            unit = TimestampUnit.Seconds;
            return trimmed.Equals("Seconds", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("s", StringComparison.OrdinalIgnoreCase);
        }

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
