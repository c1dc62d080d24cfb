using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Pandapon.Client;

namespace Pandapon.Sandbox.Http;

/// <summary>
/// Checks the system headers of a signed request as the service does (docs/internals.md §1), in this order:
/// every header present, the access key known, the user-id the key's, the signature, the timestamp, the nonce.
/// The nonce is remembered only once everything else has passed, so a refused request burns no nonce.
/// </summary>
public sealed class Authenticator(SandboxOptions options, NonceCache nonces)
{
    public const int TimestampToleranceSeconds = 600;

    public static readonly string[] SystemHeaders = ["access-key", "timestamp", "nonce-str", "user-id", "signature"];

    private readonly byte[] _accessKey = Encoding.UTF8.GetBytes(options.AccessKey);

    /// <summary>Null when the request may proceed; otherwise the refusal to answer with.</summary>
    public ApiFailure? Check(IHeaderDictionary headers, string method, string path, string body)
    {
        var values = new string[SystemHeaders.Length];
        for (int i = 0; i < SystemHeaders.Length; i++)
        {
            string value = headers[SystemHeaders[i]].ToString();
            if (string.IsNullOrWhiteSpace(value)) return ApiError.MissingHeader.With(SystemHeaders[i]);
            values[i] = value;
        }
        string accessKey = values[0], timestamp = values[1], nonce = values[2], userId = values[3], signature = values[4];

        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(accessKey), _accessKey))
            return ApiError.UnknownAccessKey.With();
        if (!string.Equals(userId, options.UserId, StringComparison.Ordinal))
            return ApiError.UserIdMismatch.With();

        var input = new SigningInput
        {
            AccessKey = accessKey,
            SecretKey = options.SecretKey,
            Timestamp = timestamp,
            Nonce = nonce,
            UserId = userId,
            Method = method,
            Path = path,
            Body = body,
        };
        string expected = RequestSigner.Sign(options.Signature, input);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.UTF8.GetBytes(signature)))
        {
            var recipe = options.Signature;
            return ApiError.SignatureMismatch.With(
                $"check the secret key and the signing recipe (this sandbox signs {RequestSigner.DisplayName(recipe.Algorithm)}, {recipe.Case} hex, timestamp in {recipe.TimestampUnit}, template '{recipe.Template}')");
        }

        if (TimestampProblem(timestamp, options.Signature.TimestampUnit) is string problem)
            return ApiError.TimestampInvalid.With(problem);
        if (!nonces.TryUse(nonce))
            return ApiError.NonceReused.With();
        return null;
    }

    /// <summary>Null when the timestamp, read in <paramref name="unit"/>, is within 600 s of the sandbox's clock.</summary>
    private static string? TimestampProblem(string timestamp, TimestampUnit unit)
    {
        bool seconds = unit == TimestampUnit.Seconds;
        string unitName = seconds ? "seconds" : "milliseconds";
        if (timestamp.Length > 19 || !timestamp.All(char.IsAsciiDigit)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out long value))
            return $"'{Shorten(timestamp)}' is not Unix epoch {unitName}";
        long now = seconds ? DateTimeOffset.UtcNow.ToUnixTimeSeconds() : DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        long skewSeconds = seconds ? Math.Abs(now - value) : Math.Abs(now - value) / 1000;
        if (skewSeconds <= TimestampToleranceSeconds) return null;
        string hint = !seconds && timestamp.Length <= 10 ? "; it looks like seconds, milliseconds are expected"
            : seconds && timestamp.Length >= 13 ? "; it looks like milliseconds, seconds are expected" : "";
        return $"{timestamp} is {skewSeconds} s from the sandbox clock, more than {TimestampToleranceSeconds} s{hint}";
    }

    internal static string Shorten(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
