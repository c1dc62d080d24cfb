using System.Globalization;
using System.Text.Json;
using Pandapon.Sandbox.Endpoints;

namespace Pandapon.Sandbox.Taobao;

/// <summary>Reads the values of the Taobao after-sales requests; a bad one throws <see cref="BodyException"/> naming the field.</summary>
internal static class TaobaoRequestValues
{
    /// <summary>A numeric id from text; blank is "not given" (null), as a Java service binding an empty string treats it.</summary>
    public static long? OptionalId(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        string trimmed = text.Trim();
        if (trimmed.Length > 19 || !trimmed.All(char.IsAsciiDigit)
            || !long.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out long id))
            throw new BodyException($"{field} must be digits only (Taobao reverse-order ids are numbers), not '{Http.Authenticator.Shorten(trimmed)}'");
        return id;
    }

    public static long RequiredId(string? text, string field)
        => OptionalId(text, field) ?? throw new BodyException($"{field} is required");

    /// <summary>A numeric id from a JSON body field: a number or a string of digits.</summary>
    public static long? OptionalId(JsonBody json, string field) => OptionalId(json.Text(field), field);

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, or null when absent.</summary>
    public static long? Number(JsonBody json, string field, long min, long max, bool required = false)
    {
        long? value = json.Long(field, required);
        if (value is long n && (n < min || n > max))
            throw new BodyException($"{field} must be from {min} to {max}, not {n}");
        return value;
    }

    public static long NowMs() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
}
