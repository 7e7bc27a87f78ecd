using System.Buffers;
using System.Collections.Immutable;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using Broadside.Content;
using Broadside.Diagnostics;
using Broadside.Markdown;
using Broadside.Output;
using Microsoft.Win32.SafeHandles;

namespace Broadside.Caching;

/// <summary>
/// The file format of <see cref="ArticleCache"/>: a header (magic, version, fingerprint, the index's
/// length), the index (every entry but its body HTML, which it locates), an XxHash64 of the index, then
/// the bodies, each with its own XxHash64 in the index. Only the index is read when a cache opens; a
/// body is read when a page or feed that shows it is made. Reading a file that is missing, foreign or
/// damaged gives null; one that cannot be opened throws.
/// </summary>
internal static class ArticleCacheFormat
{
    /// <summary>Raised whenever what is written changes, so older caches are ignored rather than misread.</summary>
    private const int Version = 6;

    private const uint Magic = 0x43415342; // "BSAC"

    private const int HeaderLength = 4 + 4 + 16 + 8;

    /// <summary>
    /// The entries of the file at <paramref name="path"/>, their paths below <paramref name="prefix"/>,
    /// with the open file their bodies are read from; null if it cannot be used.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="fingerprint">What the file must have been written under.</param>
    /// <param name="prefix">The articles folder as messages show it, with a final <c>/</c>.</param>
    /// <param name="damaged">Called, with the article, when a body read later does not match its hash.</param>
    /// <exception cref="UnauthorizedAccessException">The file, or its folder, cannot be read.</exception>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    public static (Dictionary<string, ArticleCache.Entry> Entries, SafeFileHandle Bodies)? Read(string path, Hash128 fingerprint, string prefix, Func<string, Exception> damaged)
    {
        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        byte[]? index = null;
        try
        {
            var length = RandomAccess.GetLength(handle);
            var header = new byte[HeaderLength];
            if (length < HeaderLength || RandomAccess.Read(handle, header, 0) != HeaderLength)
            {
                handle.Dispose();
                return null;
            }

            var indexLength = BitConverter.ToInt64(header, 24);
            if (BitConverter.ToUInt32(header, 0) != Magic || BitConverter.ToInt32(header, 4) != Version
                || new Hash128(BitConverter.ToUInt64(header, 8), BitConverter.ToUInt64(header, 16)) != fingerprint
                || indexLength < 0 || indexLength > int.MaxValue - 8 || HeaderLength + indexLength + 8 > length)
            {
                handle.Dispose();
                return null;
            }

            // A few hundred kilobytes, read once and decoded: pooled, so that opening the cache's 32
            // files does not allocate that much on the large object heap, each time counting towards
            // a full collection.
            index = ArrayPool<byte>.Shared.Rent((int)indexLength + 8);
            if (RandomAccess.Read(handle, index.AsSpan(0, (int)indexLength + 8), HeaderLength) != indexLength + 8
                || XxHash64.HashToUInt64(index.AsSpan(0, (int)indexLength)) != BitConverter.ToUInt64(index, (int)indexLength))
            {
                handle.Dispose();
                return null;
            }

            var bodies = handle;
            var bodiesStart = HeaderLength + indexLength + 8;
            using var reader = new IndexReader(index, (int)indexLength);
            var count = reader.ReadInt32();
            var entries = new Dictionary<string, ArticleCache.Entry>(count, StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                var source = prefix + reader.ReadString();
                var stamp = new ArticleCache.FileStamp(reader.ReadInt64(), reader.ReadInt64());
                var hash = Hash128.ReadFrom(reader);
                var (offset, bodyLength, bodyHash) = (reader.ReadInt64(), reader.ReadInt32(), reader.ReadUInt64());
                if (offset < 0 || bodyLength < 0 || bodiesStart + offset + bodyLength > length)
                {
                    handle.Dispose();
                    return null;
                }

                byte[] Load()
                {
                    var body = new byte[bodyLength];
                    if (RandomAccess.Read(bodies, body, bodiesStart + offset) != bodyLength || XxHash64.HashToUInt64(body) != bodyHash)
                    {
                        throw damaged(source);
                    }

                    return body;
                }

                var article = ReadArticle(reader, source, hash, Load);
                entries[source] = new ArticleCache.Entry(stamp, hash, article, ReadDiagnostics(reader, source), ReadDiagnostics(reader, source));
            }

            return (entries, handle);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or ArgumentException or UriFormatException or OverflowException)
        {
            // Damaged: built again and replaced.
            handle.Dispose();
            return null;
        }
        finally
        {
            if (index is not null)
            {
                ArrayPool<byte>.Shared.Return(index);
            }
        }
    }

    /// <summary>
    /// Writes <paramref name="entries"/>, whose paths start with <paramref name="prefix"/>, to a new
    /// file beside <paramref name="path"/>, and returns that file's path: it replaces
    /// <paramref name="path"/> once nothing reads the old file any more.
    /// </summary>
    public static string Write(string path, Hash128 fingerprint, string prefix, IReadOnlyDictionary<string, ArticleCache.Entry> entries)
    {
        var sorted = entries.OrderBy(e => e.Key, StringComparer.Ordinal).ToArray();
        var bodies = new byte[sorted.Length][];
        var index = new MemoryStream();
        using (var writer = new BinaryWriter(index, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(sorted.Length);
            var offset = 0L;
            for (var i = 0; i < sorted.Length; i++)
            {
                var (source, entry) = sorted[i];
                bodies[i] = entry.Article.HtmlUtf8;
                writer.Write(source[prefix.Length..]);
                writer.Write(entry.Stamp.Length);
                writer.Write(entry.Stamp.Ticks);
                entry.Hash.WriteTo(writer);
                writer.Write(offset);
                writer.Write(bodies[i].Length);
                writer.Write(XxHash64.HashToUInt64(bodies[i]));
                offset += bodies[i].Length;
                WriteArticle(writer, entry.Article);
                WriteDiagnostics(writer, entry.ParseDiagnostics, source);
                WriteDiagnostics(writer, entry.RenderDiagnostics, source);
            }
        }

        var temporary = path + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        using (var writer = new BinaryWriter(file))
        {
            writer.Write(Magic);
            writer.Write(Version);
            fingerprint.WriteTo(writer);
            writer.Write(index.Length);
            writer.Write(index.GetBuffer(), 0, (int)index.Length);
            writer.Write(XxHash64.HashToUInt64(index.GetBuffer().AsSpan(0, (int)index.Length)));
            foreach (var body in bodies)
            {
                writer.Write(body);
            }
        }

        return temporary;
    }

    private static void WriteArticle(BinaryWriter writer, Article article)
    {
        WriteNullable(writer, article.Destination);
        writer.Write(article.Slug);
        writer.Write(article.Path);
        writer.Write(article.BodyLineOffset);
        writer.Write(article.FeedReady);
        writer.Write(article.FirstParagraph);
        writer.Write(article.WordCount);
        writer.Write(article.Players);
        writer.Write(article.Links.Length);
        foreach (var link in article.Links)
        {
            writer.Write(link.Url);
            writer.Write(link.Line);
            writer.Write(link.Column);
            writer.Write(link.Image);
        }

        writer.Write(article.Headings.Length);
        foreach (var heading in article.Headings)
        {
            writer.Write((byte)heading.Level);
            writer.Write(heading.Id);
            writer.Write(heading.Text);
        }

        var front = article.FrontMatter;
        writer.Write(front.Title);
        WriteStrings(writer, front.Authors);
        writer.Write(front.Section);
        WriteDate(writer, front.Date);
        WriteStrings(writer, front.Tags);
        writer.Write(front.Demands.Length);
        foreach (var demand in front.Demands)
        {
            WriteNullable(writer, demand.Text);
            WriteNullable(writer, demand.Id);
            writer.Write(demand.Line);
            writer.Write(demand.Column);
        }

        WriteNullable(writer, front.Summary);
        WriteNullable(writer, front.Slug);
        writer.Write(front.Draft);
        writer.Write(front.Updated.HasValue);
        if (front.Updated is { } updated)
        {
            WriteDate(writer, updated);
        }

        WriteNullable(writer, front.Image);
        writer.Write(front.ImageLine);
        WriteNullable(writer, front.ImageAlt);
        WriteNullable(writer, front.ImageCaption);
        WriteNullable(writer, front.ImageCredit);
        WriteNullable(writer, front.Canonical?.OriginalString);
        WriteNullable(writer, front.Lang);
        writer.Write(front.LangLine);
        WriteNullable(writer, front.TranslationKey);
        writer.Write(front.TranslationKeyLine);
        WriteStrings(writer, front.Aliases);
        WriteNullable(writer, front.Series);
        writer.Write(front.Corrections.Length);
        foreach (var correction in front.Corrections)
        {
            WriteDate(writer, correction.Date);
            writer.Write(correction.Text);
        }

        writer.Write(front.Toc switch { null => (byte)0, false => (byte)1, true => (byte)2 });
        WritePlain(writer, front.Extra);
    }

    private static ImmutableArray<Correction> ReadCorrections(BinaryReader reader)
    {
        var corrections = new Correction[reader.ReadInt32()];
        for (var i = 0; i < corrections.Length; i++)
        {
            corrections[i] = new Correction(ReadDate(reader), reader.ReadString());
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(corrections);
    }

    private static Article ReadArticle(BinaryReader reader, string source, Hash128 hash, Func<byte[]> html)
    {
        var destination = ReadNullable(reader);
        var slug = reader.ReadString();
        var path = reader.ReadString();
        var bodyLineOffset = reader.ReadInt32();
        var feedReady = reader.ReadBoolean();
        var firstParagraph = reader.ReadString();
        var wordCount = reader.ReadInt32();
        var players = reader.ReadInt32();
        var links = new WrittenLink[reader.ReadInt32()];
        for (var i = 0; i < links.Length; i++)
        {
            links[i] = new WrittenLink(reader.ReadString(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadBoolean());
        }

        var headings = new Heading[reader.ReadInt32()];
        for (var i = 0; i < headings.Length; i++)
        {
            headings[i] = new Heading(reader.ReadByte(), reader.ReadString(), reader.ReadString());
        }

        var title = reader.ReadString();
        var authors = ReadStrings(reader);
        var section = reader.ReadString();
        var date = ReadDate(reader);
        var tags = ReadStrings(reader);
        var demands = new DemandReference[reader.ReadInt32()];
        for (var i = 0; i < demands.Length; i++)
        {
            demands[i] = new DemandReference(ReadNullable(reader), ReadNullable(reader), reader.ReadInt32(), reader.ReadInt32());
        }

        var front = new ArticleFrontMatter
        {
            Title = title,
            Authors = authors,
            Section = section,
            Date = date,
            Tags = tags,
            Demands = ImmutableCollectionsMarshal.AsImmutableArray(demands),
            Summary = ReadNullable(reader),
            Slug = ReadNullable(reader),
            Draft = reader.ReadBoolean(),
            Updated = reader.ReadBoolean() ? ReadDate(reader) : null,
            Image = ReadNullable(reader),
            ImageLine = reader.ReadInt32(),
            ImageAlt = ReadNullable(reader),
            ImageCaption = ReadNullable(reader),
            ImageCredit = ReadNullable(reader),
            Canonical = ReadNullable(reader) is { } canonical ? new Uri(canonical, UriKind.Absolute) : null,
            Lang = ReadNullable(reader),
            LangLine = reader.ReadInt32(),
            TranslationKey = ReadNullable(reader),
            TranslationKeyLine = reader.ReadInt32(),
            Aliases = ReadStrings(reader),
            Series = ReadNullable(reader),
            Corrections = ReadCorrections(reader),
            Toc = reader.ReadByte() switch { 0 => null, 1 => false, _ => true },
            Extra = ReadPlain(reader) as ImmutableDictionary<string, object?> ?? throw new FormatException("the extra keys are not a mapping"),
        };

        return new Article
        {
            Source = source,
            Destination = destination,
            FrontMatter = front,
            Slug = slug,
            Path = path,
            Markdown = ReadOnlyMemory<byte>.Empty,
            BodyLineOffset = bodyLineOffset,
            SourceHash = hash,
            LoadHtml = html,
            FeedReady = feedReady,
            FirstParagraph = firstParagraph,
            WordCount = wordCount,
            Players = players,
            Links = ImmutableCollectionsMarshal.AsImmutableArray(links),
            Headings = ImmutableCollectionsMarshal.AsImmutableArray(headings),
            Rendered = true,
        };
    }

    // A diagnostic about the article's own file keeps no path, so the entry reads right from any working folder.
    private static void WriteDiagnostics(BinaryWriter writer, ImmutableArray<Diagnostic> diagnostics, string source)
    {
        writer.Write(diagnostics.Length);
        foreach (var diagnostic in diagnostics)
        {
            writer.Write((int)diagnostic.Severity);
            writer.Write(diagnostic.Code);
            writer.Write(diagnostic.Message);
            writer.Write(diagnostic.File == source);
            if (diagnostic.File != source)
            {
                WriteNullable(writer, diagnostic.File);
            }

            writer.Write(diagnostic.Line);
            writer.Write(diagnostic.Column);
        }
    }

    private static ImmutableArray<Diagnostic> ReadDiagnostics(BinaryReader reader, string source)
    {
        var diagnostics = new Diagnostic[reader.ReadInt32()];
        for (var i = 0; i < diagnostics.Length; i++)
        {
            var severity = (DiagnosticSeverity)reader.ReadInt32();
            if (!Enum.IsDefined(severity))
            {
                throw new FormatException("unknown severity");
            }

            diagnostics[i] = new Diagnostic(severity, reader.ReadString(), reader.ReadString(), reader.ReadBoolean() ? source : ReadNullable(reader), reader.ReadInt32(), reader.ReadInt32());
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(diagnostics);
    }

    private static void WritePlain(BinaryWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.Write((byte)0);
                break;
            case string text:
                writer.Write((byte)1);
                writer.Write(text);
                break;
            case ImmutableArray<object?> list:
                writer.Write((byte)2);
                writer.Write(list.Length);
                foreach (var item in list)
                {
                    WritePlain(writer, item);
                }

                break;
            case ImmutableDictionary<string, object?> map:
                writer.Write((byte)3);
                writer.Write(map.Count);
                foreach (var (key, item) in map.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                {
                    writer.Write(key);
                    WritePlain(writer, item);
                }

                break;
            default:
                throw new ArgumentException($"a front matter value of type {value.GetType().Name} cannot be cached", nameof(value));
        }
    }

    private static object? ReadPlain(BinaryReader reader)
    {
        switch (reader.ReadByte())
        {
            case 0:
                return null;
            case 1:
                return reader.ReadString();
            case 2:
                var list = new object?[reader.ReadInt32()];
                for (var i = 0; i < list.Length; i++)
                {
                    list[i] = ReadPlain(reader);
                }

                return ImmutableCollectionsMarshal.AsImmutableArray(list);
            case 3:
                var count = reader.ReadInt32();
                var map = ImmutableDictionary.CreateBuilder<string, object?>(StringComparer.Ordinal);
                for (var i = 0; i < count; i++)
                {
                    map[reader.ReadString()] = ReadPlain(reader);
                }

                return map.ToImmutable();
            default:
                throw new FormatException("unknown value kind");
        }
    }

    private static void WriteStrings(BinaryWriter writer, ImmutableArray<string> values)
    {
        writer.Write(values.Length);
        foreach (var value in values)
        {
            writer.Write(value);
        }
    }

    private static ImmutableArray<string> ReadStrings(BinaryReader reader)
    {
        var values = new string[reader.ReadInt32()];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = reader.ReadString();
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(values);
    }

    private static void WriteNullable(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
        {
            writer.Write(value);
        }
    }

    private static string? ReadNullable(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;

    private static void WriteDate(BinaryWriter writer, DateTimeOffset date)
    {
        writer.Write(date.Ticks);
        writer.Write((short)date.Offset.TotalMinutes);
    }

    private static DateTimeOffset ReadDate(BinaryReader reader) => new(reader.ReadInt64(), TimeSpan.FromMinutes(reader.ReadInt16()));
}

/// <summary>
/// Reads the index of a cache file, which is one array in memory: each string is decoded from the array
/// where it lies, where <see cref="BinaryReader.ReadString"/> copies a long one through a buffer of its
/// own first. The format is <see cref="BinaryWriter.Write(string)"/>'s: a 7-bit encoded length, then UTF-8.
/// </summary>
/// <param name="buffer">The array that holds the index.</param>
/// <param name="length">How many of its bytes it is.</param>
internal sealed class IndexReader(byte[] buffer, int length) : BinaryReader(new MemoryStream(buffer, 0, length, writable: false, publiclyVisible: true))
{
    /// <inheritdoc />
    public override string ReadString()
    {
        var count = Read7BitEncodedInt();
        var stream = BaseStream;
        var start = stream.Position;
        if (count < 0 || start + count > length)
        {
            throw new EndOfStreamException("a string runs past the end of the index");
        }

        stream.Position = start + count;
        return count == 0 ? string.Empty : System.Text.Encoding.UTF8.GetString(buffer, (int)start, count);
    }
}
