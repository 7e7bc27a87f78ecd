using System.Text;
using System.Text.Json;
using Broadside.Output;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Output;

public sealed class JsonTextEncoderTests
{
    public static TheoryData<string> Encoders => [nameof(JsonTextEncoder.ForFiles), nameof(JsonTextEncoder.ForHtml)];

    [Theory]
    [MemberData(nameof(Encoders))]
    public void Every_character_that_may_not_be_published_is_dropped_and_a_lone_surrogate_replaced(string name)
    {
        foreach (var c in ForbiddenText.All)
        {
            var json = Write(name, "a" + c + "b");

            Assert.Empty(ForbiddenText.In(json));
            Assert.Equal(c.Length == 1 && char.IsSurrogate(c[0]) ? "a\uFFFDb" : "ab", JsonDocument.Parse(json).RootElement.GetProperty("v").GetString());
        }
    }

    [Theory]
    [MemberData(nameof(Encoders))]
    public void Everything_else_is_kept(string name)
    {
        const string Text = "Grève \"now\" \\ </script> & 🔥 Забастовка\t\n\r\u00A0";

        var json = Write(name, Text);

        Assert.Empty(ForbiddenText.In(json));
        Assert.Equal(Text, JsonDocument.Parse(json).RootElement.GetProperty("v").GetString());
    }

    [Fact]
    public void For_html_no_value_can_close_a_script_element() =>
        Assert.DoesNotContain("</script", Write(nameof(JsonTextEncoder.ForHtml), "</script><script>alert(1)</script>"), StringComparison.OrdinalIgnoreCase);

    [Fact]
    public void For_files_letters_of_every_script_stay_readable() =>
        Assert.Contains("Grève Забастовка", Write(nameof(JsonTextEncoder.ForFiles), "Grève Забастовка"), StringComparison.Ordinal);

    private static string Write(string name, string value)
    {
        var encoder = name == nameof(JsonTextEncoder.ForHtml) ? JsonTextEncoder.ForHtml : JsonTextEncoder.ForFiles;
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = encoder }))
        {
            json.WriteStartObject();
            json.WriteString("v", value);
            json.WriteStartArray("list");
            json.WriteStringValue(value);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
