using System.Globalization;
using Pandapon.Models;
using Pandapon.Values;
using Xunit;

namespace Pandapon.Tests;

/// <summary>
/// The text ConvertTo-PandaponCsvRow writes into a CSV cell (issue 17.1): the same in every culture, and read back
/// by the invariant parsing PowerShell's casts use to the same value.
/// </summary>
public class InvariantTextTests
{
    public static TheoryData<string> Cultures => new() { "de-DE", "zh-CN", "en-US", "fr-FR", "ar-SA", Hostile };

    /// <summary>A made-up culture unlike the invariant one in every way that matters here (name of the test case).</summary>
    private const string Hostile = "hostile";

    private static readonly DateTimeOffset Applied = new(2025, 1, 20, 9, 35, 51, 123, TimeSpan.FromHours(8));

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Amounts_AreInvariant_KeepTheirScale_AndReadBackExactly(string culture) => Under(culture, () =>
    {
        Assert.Equal("149.40", InvariantText.Format(149.40m));
        Assert.Equal("0.00", InvariantText.Format(0.00m));
        Assert.Equal("-0.01", InvariantText.Format(-0.01m));
        Assert.Equal("1234567.89", InvariantText.Format(1234567.89m));
        Assert.Equal("79228162514264337593543950335", InvariantText.Format(decimal.MaxValue));
        Assert.Equal(149.40m, decimal.Parse(InvariantText.Format(149.40m)!, CultureInfo.InvariantCulture));
    });

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Times_AreIso8601_WithMillisecondsAndOffset(string culture) => Under(culture, () =>
    {
        Assert.Equal("2025-01-20T09:35:51.123+08:00", InvariantText.Format(Applied));
        Assert.Equal("2025-01-20T09:35:51.000+08:00", InvariantText.Format(Applied.AddMilliseconds(-123)));
        Assert.Equal("2024-12-31T23:59:59.999-05:30", InvariantText.Format(new DateTimeOffset(2024, 12, 31, 23, 59, 59, 999, new TimeSpan(-5, -30, 0))));
        Assert.Equal("2025-01-20T01:35:51.123+00:00", InvariantText.Format(Applied.ToUniversalTime()));
    });

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Times_ReadBackExactly_WithTheirOffset_EvenBelowAMillisecond(string culture) => Under(culture, () =>
    {
        var fine = Applied.AddTicks(4567);
        Assert.Equal("2025-01-20T09:35:51.1234567+08:00", InvariantText.Format(fine));
        foreach (var time in new[] { Applied, fine, DateTimeOffset.MinValue, DateTimeOffset.MaxValue })
        {
            var read = DateTimeOffset.Parse(InvariantText.Format(time)!, CultureInfo.InvariantCulture);
            Assert.True(read.EqualsExact(time), $"{time:o} read back as {read:o}");
        }
    });

    [Theory]
    [MemberData(nameof(Cultures))]
    public void DateTimes_SayTheirKind(string culture) => Under(culture, () =>
    {
        var utc = new DateTime(2025, 1, 20, 1, 35, 51, 123, DateTimeKind.Utc);
        Assert.Equal("2025-01-20T01:35:51.123Z", InvariantText.Format(utc));
        var unspecified = new DateTime(2025, 1, 20, 9, 35, 51, 123, DateTimeKind.Unspecified);
        Assert.Equal("2025-01-20T09:35:51.123", InvariantText.Format(unspecified));
        var local = new DateTime(2025, 1, 20, 9, 35, 51, 123, DateTimeKind.Local);
        string offset = new DateTimeOffset(local).ToString("zzz", CultureInfo.InvariantCulture);
        Assert.Equal("2025-01-20T09:35:51.123" + offset, InvariantText.Format(local));
        Assert.Equal(utc, DateTime.Parse(InvariantText.Format(utc)!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
    });

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Doubles_RoundTrip(string culture) => Under(culture, () =>
    {
        Assert.Equal("1.5", InvariantText.Format(1.5));
        Assert.Equal("0.30000000000000004", InvariantText.Format(0.1 + 0.2));
        Assert.Equal("-2.5", InvariantText.Format(-2.5));
        Assert.Equal("0.1", InvariantText.Format(0.1f));
        foreach (double number in new[] { 0.1 + 0.2, Math.PI, double.Epsilon, double.MaxValue, -1e-300, 536070.09 })
            Assert.Equal(number, double.Parse(InvariantText.Format(number)!, CultureInfo.InvariantCulture));
        Assert.Equal("NaN", InvariantText.Format(double.NaN));
    });

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Integers_Enums_Booleans_TimeSpans_AreInvariant(string culture) => Under(culture, () =>
    {
        Assert.Equal("-10", InvariantText.Format(-10));
        Assert.Equal("3111837237911636899", InvariantText.Format(3111837237911636899L));
        Assert.Equal("Applied", InvariantText.Format(TaobaoRefundStatus.Applied));
        Assert.Equal("SellerRefused", InvariantText.Format(TaobaoRefundStatus.SellerRefused));
        Assert.Equal("50", InvariantText.Format((TaobaoRefundStatus)50));
        Assert.Equal("-5", InvariantText.Format((TaobaoRefundStatus)(-5)));
        Assert.Equal("True", InvariantText.Format(true));
        Assert.Equal("False", InvariantText.Format(false));
        Assert.Equal("00:00:01.5000000", InvariantText.Format(TimeSpan.FromMilliseconds(1500)));
        Assert.Equal("-00:00:02", InvariantText.Format(TimeSpan.FromSeconds(-2)));
    });

    [Fact]
    public void Null_StaysNull_AndText_StaysAsItIs()
    {
        Assert.Null(InvariantText.Format(null));
        Assert.Equal("149,40", InvariantText.Format("149,40"));
        Assert.Equal("", InvariantText.Format(""));
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void TheModulesLists_AreTheirOwnOneCellSummaries(string culture) => Under(culture, () =>
    {
        var ids = new StringList(new[] { "3305075341150134260", "3305075341151134260" });
        Assert.Equal("3305075341150134260;3305075341151134260", InvariantText.Format(ids));
        var counts = new OrderEntryCountMap(new Dictionary<string, int> { ["3305075341150134260"] = 2 });
        Assert.Equal("3305075341150134260=2", InvariantText.Format(counts));
        var history = new RefundOperationList(new[]
        {
            new RefundOperation { AfterOperateStatus = "refundsuccess", GmtCreate = Applied },
            new RefundOperation { AfterOperateStatus = "waitselleragree", GmtCreate = Applied.AddDays(-1) },
        });
        Assert.Equal(history.ToString(), InvariantText.Format(history));
        Assert.Equal("2 operations, last: refundsuccess 2025-01-20 09:35", InvariantText.Format(history));
        Assert.Equal("", InvariantText.Format(StringList.Empty));
    });

    [Fact]
    public void TheCulturesOfTheseTests_WouldChangeTheText_WithoutIt()
    {
        // Guards the tests above: if these cultures wrote like the invariant one (a runtime without culture data),
        // the tests would pass without showing anything.
        Under("de-DE", () => Assert.Equal("149,40", 149.40m.ToString()));
        Under("de-DE", () => Assert.Equal("20.01.2025 09:35:51 +08:00", Applied.ToString()));
        Under(Hostile, () => Assert.Equal("−1,5", (-1.5m).ToString()));
        Under(Hostile, () => Assert.Equal("−5", (-5).ToString()));
    }

    private static void Under(string culture, Action test)
    {
        var saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = culture == Hostile ? MakeHostile() : CultureInfo.GetCultureInfo(culture);
        try { test(); }
        finally { CultureInfo.CurrentCulture = saved; }
    }

    /// <summary>A comma for the decimal point, a point for groups, U+2212 for the minus sign, day-first dates.</summary>
    private static CultureInfo MakeHostile()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberDecimalSeparator = ",";
        culture.NumberFormat.NumberGroupSeparator = ".";
        culture.NumberFormat.NegativeSign = "\u2212";
        culture.DateTimeFormat.ShortDatePattern = "dd.MM.yyyy";
        culture.DateTimeFormat.LongTimePattern = "HH.mm.ss";
        culture.DateTimeFormat.TimeSeparator = ".";
        return culture;
    }
}
