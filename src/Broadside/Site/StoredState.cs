using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Immutable;
using System.IO.Hashing;
using System.Text;
using Broadside.Diagnostics;
using Broadside.Modules;
using Broadside.Output;

namespace Broadside.Site;

/// <summary>
/// What a successful <c>broadside build</c> leaves beside its article cache for the next one to start
/// from (<see cref="StoredEdit"/>), as <c>serve</c> keeps <see cref="SiteState"/> in memory: which
/// articles it published, in order, and from which bytes; what it reported; what the sitemap lists; the
/// other input files it read; and a hash of the manifest it wrote, so that a state is only ever used with
/// the published site it describes. The rest (the index, the views) is made again from the article cache.
/// </summary>
/// <remarks>
/// One file, <see cref="FileName"/>, written whole under a temporary name and renamed into place, with
/// a checksum at its end: a missing, damaged or foreign file is no state, and the build is a full one.
/// A full build deletes it before it writes anything, so a build that fails or is killed leaves none.
/// </remarks>
internal sealed record StoredState
{
    /// <summary>The state's file name in the cache folder.</summary>
    public const string FileName = "state.bin";

    private const int Version = 2;
    private static readonly byte[] Magic = "BSST"u8.ToArray();

    /// <summary>What the build depends on besides its articles (<see cref="KeyOf"/>).</summary>
    public required UInt128 Key { get; init; }

    /// <summary>A hash of the manifest the build wrote.</summary>
    public required UInt128 Manifest { get; init; }

    /// <summary>The year in the site's footer.</summary>
    public required int Year { get; init; }

    /// <summary>The date of the next scheduled article.</summary>
    public DateTimeOffset? NextPublication { get; init; }

    /// <summary>Articles and pages published.</summary>
    public required int Documents { get; init; }

    /// <summary>The published articles, newest first, by source file, with the hash of the bytes they were made from.</summary>
    public required ImmutableArray<(string Source, UInt128 Hash)> Articles { get; init; }

    /// <summary>Every file of <c>pages/</c> and <c>media/</c> with its size and time (<see cref="Stamp"/>).</summary>
    public required ImmutableArray<InputStamp> Inputs { get; init; }

    /// <summary>
    /// The article files the build read and did not publish (drafts, articles not yet due), by source
    /// file, with their size and time: the article cache keeps only published articles, and these
    /// need not be read again while they stay as they are.
    /// </summary>
    public ImmutableArray<InputStamp> Unpublished { get; init; } = [];

    /// <summary>What the build reported, sorted.</summary>
    public required ImmutableArray<Diagnostic> Diagnostics { get; init; }

    /// <summary>The pages of the sitemap in its order, with their <c>lastmod</c>.</summary>
    public required ImmutableArray<(string Path, DateTimeOffset? LastModified)> Sitemap { get; init; }

    /// <summary>
    /// What the build depends on besides its articles: Broadside, the options, <c>site.yml</c>, the
    /// data files and the theme (<paramref name="fingerprint"/>, <see cref="SiteFingerprint"/>), the
    /// folders, and the folder messages are shown from.
    /// </summary>
    public static UInt128 KeyOf(BuildOptions options, UInt128 fingerprint) =>
        new KeyBuilder().Add((long)Version).Add(fingerprint)
            .Add(Path.GetFullPath(options.InputFolder)).Add(Path.GetFullPath(options.ThemeFolder)).Add(Path.GetFullPath(options.OutputFolder))
            .Add(options.DisplayRoot).Add(options.Search ? 1 : 0).Finish();

    /// <summary>A hash of the manifest in <paramref name="outputFolder"/>; zero when there is none.</summary>
    public static UInt128 HashManifest(string outputFolder)
    {
        var path = System.IO.Path.Combine(outputFolder, OutputManifest.FileName);
        if (!File.Exists(path))
        {
            return UInt128.Zero;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return Hash(stream, stream.Length);
    }

    // The hash of the first `length` bytes of `stream`, from where it is, read in pieces: the files are
    // megabytes, and a buffer of their size would count towards a full collection.
    private static UInt128 Hash(Stream stream, long length)
    {
        var hash = new XxHash128();
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            while (length > 0)
            {
                var read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, length));
                if (read == 0)
                {
                    throw new EndOfStreamException();
                }

                hash.Append(buffer.AsSpan(0, read));
                length -= read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return hash.GetCurrentHashAsUInt128();
    }

    /// <summary>
    /// Every file of the input folder's <c>pages/</c> and <c>media/</c>, as the build lists them (not the
    /// hidden ones), with its size and time; a file or folder that cannot be listed has size -1. A file
    /// modified less than two seconds before <paramref name="started"/> (when given) may change again
    /// within the same tick of the file system's clock: it is recorded with no time, which no file matches.
    /// </summary>
    /// <param name="inputFolder">The input folder.</param>
    /// <param name="started">When the build started that records them; null to take the times as they are.</param>
    public static ImmutableArray<InputStamp> Stamp(string inputFolder, DateTime? started)
    {
        var stamps = new List<InputStamp>();
        var problems = new DiagnosticBag();
        foreach (var name in new[] { "pages", "media" })
        {
            var folder = System.IO.Path.Combine(inputFolder, name);
            foreach (var path in ContentFiles.Enumerate(folder, "*", inputFolder, name, problems))
            {
                var file = new FileInfo(path);
                var modified = file.LastWriteTimeUtc;
                var relative = name + "/" + System.IO.Path.GetRelativePath(folder, path).Replace('\\', '/');
                stamps.Add(new InputStamp(relative, file.Exists ? file.Length : -1, modified > started - TimeSpan.FromSeconds(2) ? 0 : modified.Ticks));
            }
        }

        // What could not be listed is reported by the build, which then keeps no state; a listing with
        // it matches no state kept.
        foreach (var problem in problems.ToImmutableSorted())
        {
            stamps.Add(new InputStamp(problem.File ?? string.Empty, -1, 0));
        }

        return [.. stamps.OrderBy(s => s.Path, StringComparer.Ordinal)];
    }

    /// <summary>The state in <paramref name="cacheFolder"/>; null when there is none, or it is damaged or of another version.</summary>
    public static StoredState? Read(string cacheFolder)
    {
        const int checksum = 16;
        try
        {
            var path = System.IO.Path.Combine(cacheFolder, FileName);
            if (!File.Exists(path))
            {
                return null;
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            var length = stream.Length;
            if (length < Magic.Length + checksum)
            {
                return null;
            }

            var computed = Hash(stream, length - checksum);
            Span<byte> recorded = stackalloc byte[checksum];
            stream.ReadExactly(recorded);
            if (computed != new UInt128(BinaryPrimitives.ReadUInt64LittleEndian(recorded), BinaryPrimitives.ReadUInt64LittleEndian(recorded[8..])))
            {
                return null;
            }

            stream.Position = 0;
            using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic) || reader.ReadInt32() != Version)
            {
                return null;
            }

            var key = ReadHash(reader);
            var manifest = ReadHash(reader);
            var year = reader.ReadInt32();
            var next = ReadDate(reader);
            var documents = reader.ReadInt32();
            var articles = ImmutableArray.CreateBuilder<(string, UInt128)>(reader.ReadInt32());
            for (var i = articles.Capacity; i > 0; i--)
            {
                articles.Add((reader.ReadString(), ReadHash(reader)));
            }

            var inputs = ReadStamps(reader);
            var unpublished = ReadStamps(reader);

            var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>(reader.ReadInt32());
            for (var i = diagnostics.Capacity; i > 0; i--)
            {
                var severity = (DiagnosticSeverity)reader.ReadByte();
                var (code, message) = (reader.ReadString(), reader.ReadString());
                var file = reader.ReadBoolean() ? reader.ReadString() : null;
                diagnostics.Add(new Diagnostic(severity, code, message, file, reader.ReadInt32(), reader.ReadInt32()));
            }

            var sitemap = ImmutableArray.CreateBuilder<(string, DateTimeOffset?)>(reader.ReadInt32());
            for (var i = sitemap.Capacity; i > 0; i--)
            {
                sitemap.Add((reader.ReadString(), ReadDate(reader)));
            }

            return stream.Position != length - checksum ? null : new StoredState
            {
                Key = key,
                Manifest = manifest,
                Year = year,
                NextPublication = next,
                Documents = documents,
                Articles = articles.MoveToImmutable(),
                Inputs = inputs,
                Unpublished = unpublished,
                Diagnostics = diagnostics.MoveToImmutable(),
                Sitemap = sitemap.MoveToImmutable(),
            };
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or UnauthorizedAccessException or ArgumentException or FormatException)
        {
            return null;
        }
    }

    /// <summary>Why the state at <paramref name="path"/> cannot be read, when it is there and cannot be; null otherwise.</summary>
    public static string? Unreadable(string path)
    {
        try
        {
            File.OpenHandle(path).Dispose();
            return null;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return "permission denied";
        }
        catch (IOException ex)
        {
            return ex.Message;
        }
    }

    /// <summary>Writes the state into <paramref name="cacheFolder"/>, replacing the one there at once.</summary>
    public void Write(string cacheFolder)
    {
        Directory.CreateDirectory(cacheFolder);
        var path = System.IO.Path.Combine(cacheFolder, FileName);
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16))
        {
            using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
            {
                writer.Write(Magic);
                writer.Write(Version);
                WriteHash(writer, Key);
                WriteHash(writer, Manifest);
                writer.Write(Year);
                WriteDate(writer, NextPublication);
                writer.Write(Documents);
                writer.Write(Articles.Length);
                foreach (var (source, hash) in Articles)
                {
                    writer.Write(source);
                    WriteHash(writer, hash);
                }

                WriteStamps(writer, Inputs);
                WriteStamps(writer, Unpublished);

                writer.Write(Diagnostics.Length);
                foreach (var diagnostic in Diagnostics)
                {
                    writer.Write((byte)diagnostic.Severity);
                    writer.Write(diagnostic.Code);
                    writer.Write(diagnostic.Message);
                    writer.Write(diagnostic.File is not null);
                    if (diagnostic.File is { } file)
                    {
                        writer.Write(file);
                    }

                    writer.Write(diagnostic.Line);
                    writer.Write(diagnostic.Column);
                }

                writer.Write(Sitemap.Length);
                foreach (var (page, modified) in Sitemap)
                {
                    writer.Write(page);
                    WriteDate(writer, modified);
                }
            }

            // The checksum of what was written, read back from the start.
            var length = stream.Position;
            stream.Position = 0;
            var checksum = Hash(stream, length);
            using var end = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            WriteHash(end, checksum);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Deletes the state in <paramref name="cacheFolder"/>, before a build that changes the site without leaving one.</summary>
    public static void Forget(string cacheFolder)
    {
        try
        {
            File.Delete(System.IO.Path.Combine(cacheFolder, FileName));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left: it names the manifest it was saved with, which this build replaces if it publishes.
        }
    }

    private static void WriteStamps(BinaryWriter writer, ImmutableArray<InputStamp> stamps)
    {
        writer.Write(stamps.Length);
        foreach (var stamp in stamps)
        {
            writer.Write(stamp.Path);
            writer.Write(stamp.Length);
            writer.Write(stamp.Ticks);
        }
    }

    private static ImmutableArray<InputStamp> ReadStamps(BinaryReader reader)
    {
        var stamps = ImmutableArray.CreateBuilder<InputStamp>(reader.ReadInt32());
        for (var i = stamps.Capacity; i > 0; i--)
        {
            stamps.Add(new InputStamp(reader.ReadString(), reader.ReadInt64(), reader.ReadInt64()));
        }

        return stamps.MoveToImmutable();
    }

    private static void WriteHash(BinaryWriter writer, UInt128 hash)
    {
        writer.Write((ulong)(hash >> 64));
        writer.Write((ulong)hash);
    }

    private static UInt128 ReadHash(BinaryReader reader)
    {
        var upper = reader.ReadUInt64();
        return new UInt128(upper, reader.ReadUInt64());
    }

    private static void WriteDate(BinaryWriter writer, DateTimeOffset? date)
    {
        writer.Write(date.HasValue);
        if (date is { } value)
        {
            writer.Write(value.Ticks);
            writer.Write((short)value.Offset.TotalMinutes);
        }
    }

    private static DateTimeOffset? ReadDate(BinaryReader reader)
    {
        if (!reader.ReadBoolean())
        {
            return null;
        }

        var ticks = reader.ReadInt64();
        return new DateTimeOffset(ticks, TimeSpan.FromMinutes(reader.ReadInt16()));
    }
}

/// <summary>An input file as a build found it: its path from the input folder, its size, and its time in ticks (0: not to be trusted).</summary>
/// <param name="Path">The path from the input folder, with forward slashes.</param>
/// <param name="Length">The size in bytes.</param>
/// <param name="Ticks">The modification time in UTC ticks; 0 matches no file.</param>
internal readonly record struct InputStamp(string Path, long Length, long Ticks);
