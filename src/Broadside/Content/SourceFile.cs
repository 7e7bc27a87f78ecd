using System.IO.Hashing;
using System.Text;
using Broadside.Engine;
using Broadside.Output;

namespace Broadside.Content;

/// <summary>A text file read from the input folder, before it is parsed.</summary>
public sealed record SourceFile : Document
{
    /// <summary>The file's full path on disk.</summary>
    public required string FullPath { get; init; }

    /// <summary>The path relative to its content folder, with <c>/</c> separators (<c>2026/x.md</c>).</summary>
    public required string RelativePath { get; init; }

    /// <summary>The file's bytes, checked to be UTF-8; kept as bytes, half the memory of text.</summary>
    public required byte[] Bytes { get; init; }

    /// <summary>
    /// A hash of <see cref="Bytes"/>, computed when first asked for; set instead when the file was not
    /// read because an article cache knows it (then <see cref="Bytes"/> is empty).
    /// </summary>
    public Hash128 Hash
    {
        get => _hash ??= Hash128.Of(Bytes);
        init => _hash = value;
    }

    /// <summary>True when the file was not read: the cache had what it holds (<see cref="Hash"/>).</summary>
    public bool Unread { get; init; }

    private Hash128? _hash;

    /// <summary>Bytes of a UTF-8 byte-order mark at the start of <see cref="Bytes"/>: 3 or 0.</summary>
    public int BomLength => Bytes.AsSpan().StartsWith(Preamble) ? Preamble.Length : 0;

    /// <summary>The file's text, without a byte-order mark, decoded each time it is asked for.</summary>
    public string Text => Encoding.UTF8.GetString(Bytes.AsSpan(BomLength));

    /// <summary>The bytes of <paramref name="body"/>, the end of <paramref name="text"/> (this file's <see cref="Text"/>).</summary>
    public ReadOnlyMemory<byte> BodyBytes(string text, ReadOnlyMemory<char> body) =>
        Bytes.AsMemory(BomLength + Encoding.UTF8.GetByteCount(text.AsSpan(0, text.Length - body.Length)));

    private static ReadOnlySpan<byte> Preamble => [0xEF, 0xBB, 0xBF];
}
