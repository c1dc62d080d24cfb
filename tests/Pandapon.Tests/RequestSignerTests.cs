using Pandapon.Client;
using Xunit;

namespace Pandapon.Tests;

// Expected digests were computed outside this code with md5sum, sha1sum, sha256sum and
// `openssl dgst -sha256 -hmac`, over the canonical strings written out in each test.
public class RequestSignerTests
{
    private static SigningInput Input(string secret = "s3cr3t-key") => new()
    {
        AccessKey = "58c0201dfdf148eca63cbf6bb5e7cf03",
        SecretKey = secret,
        Timestamp = "1715669977082",
        Nonce = "Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z",
        UserId = "2100007341207",
        Method = "POST",
        Path = "/alibaba/refund/info",
        Body = "{\"refundId\":\"TQ1\"}",
    };

    private static readonly SignatureOptions KeyValue = new(SignatureOptions.KeyValueTemplate, SignatureAlgorithm.MD5, SignatureCase.Upper);

    private const string KeyValueCanonical =
        "access-key=58c0201dfdf148eca63cbf6bb5e7cf03&nonce-str=Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z&timestamp=1715669977082&key=s3cr3t-key";

    // Issue 10's vector, computed outside this code:
    // printf '%s' 58c0201dfdf148eca63cbf6bb5e7cf03 1715669977082 Zx9Qk2Lm7Np4Rt6Vw8Yb1Cd3Ef5Gh0Jk s3cr3t | md5sum
    private static SigningInput BareInput(string timestamp) => new()
    {
        AccessKey = "58c0201dfdf148eca63cbf6bb5e7cf03",
        SecretKey = "s3cr3t",
        Timestamp = timestamp,
        Nonce = "Zx9Qk2Lm7Np4Rt6Vw8Yb1Cd3Ef5Gh0Jk",
        UserId = "2100007341207",
        Method = "POST",
        Path = "/alibaba/refund/info",
        Body = "{\"refundId\":\"TQ1\"}",
    };

    [Fact]
    public void DefaultRecipe_IsTheBareConcatenation_WithoutUserIdBodyOrPath()
        => Assert.Equal("58c0201dfdf148eca63cbf6bb5e7cf031715669977082Zx9Qk2Lm7Np4Rt6Vw8Yb1Cd3Ef5Gh0Jks3cr3t",
            RequestSigner.BuildCanonical(SignatureOptions.Default, BareInput("1715669977082")));

    [Theory]
    [InlineData("1715669977082", "1F14695F012FE42D09C0D6DD718FC674")]   // milliseconds, the default
    [InlineData("1715669977", "992C3742C7BBAA4B6622A3590E99633C")]      // seconds
    public void DefaultRecipe_IsUppercaseMd5OfTheBareConcatenation_InEitherUnit(string timestamp, string expected)
        => Assert.Equal(expected, RequestSigner.Sign(SignatureOptions.Default, BareInput(timestamp)));

    [Fact]
    public void DefaultRecipe_IsMd5UpperMilliseconds()
    {
        Assert.Equal("{AccessKey}{Timestamp}{Nonce}{SecretKey}", SignatureOptions.Default.Template);
        Assert.Equal(SignatureAlgorithm.MD5, SignatureOptions.Default.Algorithm);
        Assert.Equal(SignatureCase.Upper, SignatureOptions.Default.Case);
        Assert.Equal(TimestampUnit.Milliseconds, SignatureOptions.Default.TimestampUnit);
    }

    [Fact]
    public void KeyValueRecipe_BuildsTheKeyValueCanonicalString()
        => Assert.Equal(KeyValueCanonical, RequestSigner.BuildCanonical(KeyValue, Input()));

    [Fact]
    public void KeyValueRecipe_IsUppercaseMd5()
        => Assert.Equal("75F711F6BC5FE17C364CA213FB962C4A", RequestSigner.Sign(KeyValue, Input()));

    [Theory]
    [InlineData(SignatureAlgorithm.MD5, SignatureCase.Lower, "75f711f6bc5fe17c364ca213fb962c4a")]
    [InlineData(SignatureAlgorithm.SHA1, SignatureCase.Lower, "36a6ff2bde51ed6e860392d1aecb9d4184313daa")]
    [InlineData(SignatureAlgorithm.SHA256, SignatureCase.Lower, "30210f5f2adb6d02dc1ce14b4f8e6d7dd8e5add21b2c912e1d32b0f9b225b08c")]
    [InlineData(SignatureAlgorithm.SHA256, SignatureCase.Upper, "30210F5F2ADB6D02DC1CE14B4F8E6D7DD8E5ADD21B2C912E1D32B0F9B225B08C")]
    [InlineData(SignatureAlgorithm.HmacSha256, SignatureCase.Lower, "3f52bb7bcf52e0821639be3cc7159bb8b44c28db5fc906459982bad5d9fa1924")]
    public void EachAlgorithmAndCase_MatchesAnIndependentDigest(SignatureAlgorithm algorithm, SignatureCase letterCase, string expected)
    {
        var options = new SignatureOptions(SignatureOptions.KeyValueTemplate, algorithm, letterCase);
        Assert.Equal(expected, RequestSigner.Sign(options, Input()));
    }

    [Fact]
    public void CustomTemplate_UsesEveryPlaceholder()
    {
        var options = new SignatureOptions("{Method} {Path}|{AccessKey}|{UserId}|{Timestamp}|{Nonce}|{Body}|{SecretKey}", SignatureAlgorithm.MD5, SignatureCase.Lower);
        Assert.Equal("ad01aa2bf9dd1cbe20476c54a77725c6", RequestSigner.Sign(options, Input()));
    }

    [Fact]
    public void NonAsciiSecret_IsHashedAsUtf8()
    {
        var input = new SigningInput { AccessKey = "ak", Nonce = "n", Timestamp = "1", SecretKey = "秘密" };
        var options = new SignatureOptions(null, SignatureAlgorithm.MD5, SignatureCase.Lower);
        Assert.Equal("7aece4a0276fe3e5f0aad724607e3ba9", RequestSigner.Sign(options, input));   // md5sum of the UTF-8 text ak1n秘密
    }

    [Fact]
    public void RedactedCanonical_HidesTheSecret()
    {
        string redacted = RequestSigner.BuildCanonical(KeyValue, Input(), redactSecret: true);
        Assert.DoesNotContain("s3cr3t-key", redacted);
        Assert.EndsWith("&key=***", redacted);
    }

    [Fact]
    public void PlaceholderInsideAValue_IsNotExpandedAgain()
    {
        var input = Input();
        input.AccessKey = "{SecretKey}";
        Assert.StartsWith("access-key={SecretKey}&", RequestSigner.BuildCanonical(KeyValue, input));
    }

    [Theory]
    [InlineData("access-key={AccessKey}&key={Secret}", "{Secret}")]
    [InlineData("access-key={AccessKey", "no closing")]
    [InlineData("access-key={AccessKey}", "does not contain {SecretKey}")]
    public void BadTemplate_IsRefusedWithTheReason(string template, string expectedFragment)
    {
        var e = Assert.Throws<ArgumentException>(() => new SignatureOptions(template, SignatureAlgorithm.MD5, SignatureCase.Upper));
        Assert.Contains(expectedFragment, e.Message);
    }

    [Fact]
    public void Nonce_Is32AlphanumericCharactersAndFresh()
    {
        var seen = new HashSet<string>();
        for (int i = 0; i < 200; i++)
        {
            string nonce = RequestSigner.NewNonce();
            Assert.Matches("^[A-Za-z0-9]{32}$", nonce);
            Assert.True(seen.Add(nonce));
        }
    }

    [Fact]
    public void Timestamp_IsUnixMilliseconds()
        => Assert.Equal("1715669977082", RequestSigner.Timestamp(DateTimeOffset.FromUnixTimeMilliseconds(1715669977082)));

    [Fact]
    public void Timestamp_InSeconds_HasTenDigits()
        => Assert.Equal("1715669977", RequestSigner.Timestamp(DateTimeOffset.FromUnixTimeMilliseconds(1715669977082), TimestampUnit.Seconds));

    [Fact]
    public void HmacTemplate_MayLeaveTheSecretOut_BecauseTheKeyIsTheSecret()
        => Assert.Equal("{AccessKey}{Timestamp}", new SignatureOptions("{AccessKey}{Timestamp}", SignatureAlgorithm.HmacSha256, SignatureCase.Lower).Template);

    [Theory]
    [InlineData("Seconds", TimestampUnit.Seconds)]
    [InlineData("s", TimestampUnit.Seconds)]
    [InlineData("milliseconds", TimestampUnit.Milliseconds)]
    [InlineData(" MS ", TimestampUnit.Milliseconds)]
    public void TimestampUnitNames_Parse(string text, TimestampUnit expected)
    {
        Assert.True(RequestSigner.TryParseTimestampUnit(text, out var unit));
        Assert.Equal(expected, unit);
    }

    [Theory]
    [InlineData("")]
    [InlineData("minutes")]
    public void UnknownTimestampUnits_DoNotParse(string text) => Assert.False(RequestSigner.TryParseTimestampUnit(text, out _));

    [Theory]
    [InlineData("md5", SignatureAlgorithm.MD5)]
    [InlineData("SHA1", SignatureAlgorithm.SHA1)]
    [InlineData("sha256", SignatureAlgorithm.SHA256)]
    [InlineData("HMAC-SHA256", SignatureAlgorithm.HmacSha256)]
    [InlineData("hmacsha256", SignatureAlgorithm.HmacSha256)]
    public void AlgorithmNames_Parse(string text, SignatureAlgorithm expected)
    {
        Assert.True(RequestSigner.TryParseAlgorithm(text, out var algorithm));
        Assert.Equal(expected, algorithm);
    }

    [Theory]
    [InlineData("")]
    [InlineData("SHA512")]
    [InlineData("7")]
    public void UnknownAlgorithmNames_DoNotParse(string text) => Assert.False(RequestSigner.TryParseAlgorithm(text, out _));
}
