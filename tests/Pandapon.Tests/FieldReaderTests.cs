using System;
using System.Collections.Generic;
using System.Text.Json;
using Pandapon.Values;
using Xunit;

namespace Pandapon.Tests;

/// <summary>The one per-field reader every reader of API data and messages goes through (docs/internals.md, "Reading data").</summary>
public class FieldReaderTests
{
    private readonly Dictionary<string, string> _unread = new();

    private FieldReader Reader(int length = ShownValue.Short) => new((path, raw) => _unread.Add(path, raw), length);

    [Fact]
    public void AFieldItCannotRead_IsRecordedUnderItsPath_AndTheNextFieldIsRead()
    {
        using var document = JsonDocument.Parse("""{"count":"three","name":"ok","when":12}""");
        int? count = null;
        string? name = null;
        var seen = new List<string>();
        Reader().ReadEachField(document.RootElement, "line.", (field, value) =>
        {
            seen.Add(field);
            switch (field)
            {
                case "count": count = LenientJson.ReadInt32(value); break;
                case "name": name = LenientJson.ReadText(value); break;
            }
        });
        Assert.Equal(new[] { "count", "name", "when" }, seen);
        Assert.Null(count);
        Assert.Equal("ok", name);
        Assert.Equal(new Dictionary<string, string> { ["line.count"] = "three" }, _unread);
    }

    [Fact]
    public void ANestedObject_IsReadWithTheLongerPrefix_AndOneThatIsNotAnObjectIsOneUnreadField()
    {
        using var document = JsonDocument.Parse("""{"inner":"{\"x\":\"y\"}","other":[1,2],"none":null}""");
        FieldReader fields = Reader();
        var read = new List<string>();
        fields.ReadEachField(document.RootElement, "", (field, value) =>
            FieldReader.ReadObject(value, "expected an object", inner => fields.ReadEachField(inner, field + ".", (name, v) =>
            {
                read.Add(field + "." + name);
                throw new FormatException("unreadable");
            })));
        Assert.Equal(new[] { "inner.x" }, read);
        Assert.Equal(new Dictionary<string, string> { ["inner.x"] = "y", ["other"] = "[1,2]" }, _unread);
    }

    [Fact]
    public void TheRawValue_IsOnOneLine_ShortenedToTheReadersLength_AndMissingIsSaid()
    {
        using var document = JsonDocument.Parse("""{"text":"a\nbcdefghij","number":12345678901}""");
        FieldReader fields = Reader(length: 5);
        fields.Record("text", document.RootElement.GetProperty("text"));
        fields.Record("number", document.RootElement.GetProperty("number"));
        fields.Record("absent", default);
        Assert.Equal("a bcd…", _unread["text"]);
        Assert.Equal("12345…", _unread["number"]);
        Assert.Equal(FieldReader.Missing, _unread["absent"]);
    }
}
