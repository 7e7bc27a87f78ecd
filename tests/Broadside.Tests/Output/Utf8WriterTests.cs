using System.Text;
using Broadside.Output;

namespace Broadside.Tests.Output;

public sealed class Utf8WriterTests
{
    [Theory]
    [InlineData("Plain ASCII text")]
    [InlineData("Grève générale · Забастовка · 漢字 · العربية")]
    [InlineData("A flag 🏳️‍🌈 and fire 🔥 in surrogate pairs")]
    [InlineData("")]
    public void Text_written_in_any_pieces_comes_out_as_UTF_8(string text)
    {
        for (var cut = 0; cut <= text.Length; cut++)
        {
            using var buffer = new PooledBuffer(16);
            var writer = new Utf8Writer(buffer);

            // Cut anywhere, a surrogate pair included; the encoder keeps half a pair for the next write.
            writer.Write(text.AsSpan(0, cut));
            foreach (var c in text[cut..])
            {
                writer.Write(c);
            }

            writer.Flush();
            Assert.Equal(Encoding.UTF8.GetBytes(text), buffer.Written.ToArray());
        }
    }

    [Fact]
    public void Text_longer_than_one_piece_is_encoded_across_pieces()
    {
        var text = string.Concat(Enumerable.Repeat("é🔥a", 5000));
        using var buffer = new PooledBuffer(16);
        var writer = new Utf8Writer(buffer);

        writer.Write(text);
        writer.Flush();

        Assert.Equal(Encoding.UTF8.GetBytes(text), buffer.Written.ToArray());
    }

    [Fact]
    public void Half_a_surrogate_pair_left_at_the_end_is_the_replacement_character()
    {
        using var buffer = new PooledBuffer();
        var writer = new Utf8Writer(buffer);

        writer.Write("a\uD83D");
        writer.Flush();

        Assert.Equal("a\uFFFD", Encoding.UTF8.GetString(buffer.Written));
    }

    [Fact]
    public void UTF_8_bytes_go_in_as_they_are_between_text()
    {
        using var buffer = new PooledBuffer();
        var writer = new Utf8Writer(buffer);

        writer.Write("<main>");
        writer.WriteUtf8("<p>Grève 🔥</p>"u8);
        writer.Write("</main>");
        writer.Flush();

        Assert.Equal("<main><p>Grève 🔥</p></main>", Encoding.UTF8.GetString(buffer.Written));
    }

    [Fact]
    public void The_asynchronous_writes_are_done_when_they_return()
    {
        using var buffer = new PooledBuffer();
        var writer = new Utf8Writer(buffer) { NewLine = "\n" };

        var writes = new[]
        {
            writer.WriteAsync('a'),
            writer.WriteAsync("bé"),
            writer.WriteAsync(['c', 'd', 'e'], 1, 2),
            writer.WriteAsync("f".AsMemory()),
            writer.WriteLineAsync("g"),
            writer.WriteLineAsync('h'),
            writer.WriteLineAsync(['i', 'j'], 0, 1),
            writer.WriteLineAsync("k".AsMemory()),
            writer.WriteLineAsync(),
            writer.FlushAsync(),
        };

        Assert.All(writes, w => Assert.True(w.IsCompletedSuccessfully));
        Assert.Equal("abédefg\nh\ni\nk\n\n", Encoding.UTF8.GetString(buffer.Written));
    }
}
