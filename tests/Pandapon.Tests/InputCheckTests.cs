using Pandapon.Client;
using Pandapon.Endpoints;
using Pandapon.Values;
using Xunit;

namespace Pandapon.Tests;

/// <summary>The one refund-id rule (every cmdlet that takes a refund id goes through InputCheck.RefundId) and the one shortener.</summary>
public class InputCheckTests
{
    [Theory]
    [InlineData("TQ21443713367004032", "TQ21443713367004032")]
    [InlineData("tq21443713367004032", "TQ21443713367004032")]
    [InlineData("tQ1", "TQ1")]
    [InlineData("  TQ1\t", "TQ1")]
    public void RefundId_IsTQAndDigits_UpperCasedAndTrimmed(string given, string sent)
        => Assert.Equal(sent, InputCheck.RefundId(given, "-RefundId"));

    [Theory]
    [InlineData(null, "-RefundId (null) is not valid: it is empty.")]
    [InlineData("", "-RefundId '' is not valid: it is empty.")]
    [InlineData("   ", "-RefundId '   ' is not valid: it is only white space.")]
    [InlineData("TQ 1", "-RefundId 'TQ 1' is not valid: it contains white space")]
    [InlineData("TQ\a3", "-RefundId 'TQ\\u00073' is not valid: it contains the control character U+0007")]
    [InlineData("nonexistent", "-RefundId 'nonexistent' is not valid: a 1688 refund id is \"TQ\" followed by digits")]
    [InlineData("TQ12a", "-RefundId 'TQ12a' is not valid: a 1688 refund id is \"TQ\"")]
    [InlineData("TQ", "-RefundId 'TQ' is not valid: a 1688 refund id is \"TQ\"")]
    [InlineData("21443713367004032", "-RefundId '21443713367004032' is not valid: a 1688 refund id is \"TQ\"")]
    public void RefundId_AnythingElse_IsRefusedNamingTheParameterAndTheValue(string? given, string message)
    {
        var e = Assert.Throws<InvalidValueException>(() => InputCheck.RefundId(given, "-RefundId"));
        Assert.StartsWith(message, e.Message);
        Assert.Equal("-RefundId", e.ParamName);
    }

    [Fact]
    public void RefundId_LongerThan64_SaysHowLong()
    {
        var e = Assert.Throws<InvalidValueException>(() => InputCheck.RefundId("TQ" + new string('9', 63), "-RefundId"));
        Assert.Contains("it is 65 characters long, more than the 64", e.Message);
    }

    [Fact]
    public void RefundInfoEndpoint_SendsTheCheckedId_AndNamesTheValueAsTheCallerSays()
    {
        ApiRequest request = RefundInfoEndpoint.Check("tq123", ParameterNames.ApiFields).Request();
        Assert.Equal("{\"refundId\":\"TQ123\"}", request.Body);
        Assert.True(request.Idempotent);
        Assert.Equal((RefundInfoEndpoint.Method, RefundInfoEndpoint.Path), (request.Method, request.Path));
        Assert.StartsWith("refundId 'x' is not valid", Assert.Throws<InvalidValueException>(() => RefundInfoEndpoint.Check("x", ParameterNames.ApiFields)).Message);
    }

    [Theory]
    [InlineData("short", "short")]
    [InlineData("a\r\nb\tc", "a  b c")]
    [InlineData("bell\a", "bell\\u0007")]
    public void ShownValue_IsOneLine_WithInvisibleCharactersMadeVisible(string text, string shown)
        => Assert.Equal(shown, ShownValue.Shorten(text));

    [Fact]
    public void ShownValue_CutsAtTheLength_WithAnEllipsis()
    {
        Assert.Equal(new string('x', 40) + "…", ShownValue.Shorten(new string('x', 41)));
        Assert.Equal(new string('x', 40), ShownValue.Shorten(new string('x', 40)));
        Assert.Equal(new string('x', 120) + "…", ShownValue.Shorten(new string('x', 500), ShownValue.Long));
    }
}
