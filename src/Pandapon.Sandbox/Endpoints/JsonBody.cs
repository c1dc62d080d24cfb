using System.Globalization;
using System.Text.Json;

namespace Pandapon.Sandbox.Endpoints;

/// <summary>A request body that is not what the endpoint takes; answered as 40001 "invalid request: message".</summary>
internal sealed class BodyException(string message) : Exception(message);

/// <summary>
/// Reads the fields of a JSON request body the way a Java service binding it with Jackson would: a Long from a whole
/// JSON number or a string of digits, a String from a string, null as absent. Anything else throws <see cref="BodyException"/>
/// naming the field, so a client that sends yuan (12.34) where fen are expected, or an id that went through a double
/// (2.0196017419595045E18), is told so.
/// </summary>
internal sealed class JsonBody : IDisposable
{
    private readonly JsonDocument _document;

    private JsonBody(JsonDocument document) => _document = document;

    public static JsonBody Parse(string body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            throw new BodyException("body is not JSON");
        }
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw new BodyException("body is not a JSON object");
        }
        return new JsonBody(document);
    }

    public JsonElement Root => _document.RootElement;

    public long? Long(string name, bool required = false) => ReadLong(Field(name, required), name);

    public string? Text(string name, bool required = false)
    {
        JsonElement value = Field(name, required);
        switch (value.ValueKind)
        {
            case JsonValueKind.Undefined or JsonValueKind.Null: return null;
            case JsonValueKind.String: return value.GetString();
            case JsonValueKind.Number: return value.GetRawText();
            default: throw new BodyException($"{name} must be a string");
        }
    }

    public List<long> Longs(string name, bool required = false)
    {
        var list = new List<long>();
        JsonElement value = Field(name, required);
        if (value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null) return list;
        if (value.ValueKind != JsonValueKind.Array) throw new BodyException($"{name} must be an array");
        int i = 0;
        foreach (var item in value.EnumerateArray()) list.Add(ReadLong(item, $"{name}[{i++}]") ?? throw new BodyException($"{name}[{i - 1}] is null"));
        return list;
    }

    public List<string> Texts(string name)
    {
        var list = new List<string>();
        JsonElement value = Field(name, false);
        if (value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null) return list;
        if (value.ValueKind != JsonValueKind.Array) throw new BodyException($"{name} must be an array of strings");
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String) throw new BodyException($"{name} must be an array of strings");
            list.Add(item.GetString()!);
        }
        return list;
    }

    public static long? ReadLong(JsonElement value, string name)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Undefined or JsonValueKind.Null:
                return null;
            case JsonValueKind.Number when value.TryGetInt64(out long n):
                return n;
            case JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long parsed):
                return parsed;
            default:
                throw new BodyException($"{name} must be a whole number (a 64-bit integer), not {value.GetRawText()}");
        }
    }

    private JsonElement Field(string name, bool required)
    {
        bool present = Root.TryGetProperty(name, out JsonElement value) && value.ValueKind != JsonValueKind.Null;
        if (required && !present) throw new BodyException($"{name} is required");
        return present ? value : default;
    }

    public void Dispose() => _document.Dispose();
}
