using System.Text;

namespace Broadside.Output;

/// <summary>
/// A text writer that encodes what it is given as UTF-8 straight into a <see cref="PooledBuffer"/>,
/// and takes bytes that are already UTF-8 (an article's rendered body) as they are. Pages and
/// bodies are made this way without first being held as strings, which at tens of kilobytes a page
/// were most of what a build allocated. Every write completes synchronously, the asynchronous ones
/// included, since the template engine writes through those.
/// </summary>
public sealed class Utf8Writer : TextWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    // Characters are encoded in pieces of this size, so a large string needs no large span at once.
    private const int Piece = 4096;

    // The encoder keeps a high surrogate that ends one write for the low surrogate that starts the next.
    private readonly Encoder _encoder = Utf8.GetEncoder();

    /// <summary>Writes into <paramref name="buffer"/>, which the caller owns and disposes.</summary>
    public Utf8Writer(PooledBuffer buffer)
        : base(System.Globalization.CultureInfo.InvariantCulture) => Buffer = buffer;

    /// <summary>The buffer written into.</summary>
    public PooledBuffer Buffer { get; }

    /// <inheritdoc />
    public override Encoding Encoding => Utf8;

    /// <summary>Writes bytes that are already UTF-8, as they are.</summary>
    public void WriteUtf8(ReadOnlySpan<byte> utf8)
    {
        Flush();
        Buffer.Write(utf8);
    }

    /// <inheritdoc />
    public override void Write(char value) => Write(new ReadOnlySpan<char>(in value));

    /// <inheritdoc />
    public override void Write(string? value) => Write(value.AsSpan());

    /// <inheritdoc />
    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<char> buffer)
    {
        while (!buffer.IsEmpty)
        {
            var piece = buffer.Length > Piece ? buffer[..Piece] : buffer;
            var into = Buffer.GetSpan(Utf8.GetMaxByteCount(piece.Length));
            _encoder.Convert(piece, into, flush: false, out var used, out var written, out _);
            Buffer.Advance(written);
            buffer = buffer[used..];
        }
    }

    /// <inheritdoc />
    public override void Flush()
    {
        // A high surrogate left waiting with nothing after it is written as the replacement character.
        var into = Buffer.GetSpan(Utf8.GetMaxByteCount(1));
        _encoder.Convert([], into, flush: true, out _, out var written, out _);
        Buffer.Advance(written);
    }

    /// <inheritdoc />
    public override Task WriteAsync(char value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task WriteAsync(char[] buffer, int index, int count)
    {
        Write(buffer, index, count);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task WriteLineAsync(char value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task WriteLineAsync(string? value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task WriteLineAsync(char[] buffer, int index, int count)
    {
        WriteLine(buffer.AsSpan(index, count));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task WriteLineAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
    {
        WriteLine(buffer.Span);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task WriteLineAsync()
    {
        WriteLine();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task FlushAsync()
    {
        Flush();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task FlushAsync(CancellationToken cancellationToken)
    {
        Flush();
        return Task.CompletedTask;
    }
}
