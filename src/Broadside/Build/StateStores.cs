using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Immutable;
using System.IO.Hashing;
using System.Text;
using Broadside.Content;
using Broadside.Diagnostics;
using Broadside.Modules;
using Broadside.Output;

namespace Broadside.Build;

/// <summary>Where a build's state is kept for the next build (<see cref="BuildState"/>).</summary>
public interface IStateStore
{
    /// <summary>The state the last successful build left; null, with why not in <paramref name="whyNot"/>, when there is none to use.</summary>
    BuildState? Load(out string whyNot);

    /// <summary>Keeps <paramref name="state"/> for the next build, in place of the one kept.</summary>
    void Save(BuildState state);

    /// <summary>Drops the state kept, so that the next build starts from nothing.</summary>
    void Forget();
}

/// <summary>The state of the last build of a long-running process (<c>serve</c>), kept as it is, warm parts and all.</summary>
public sealed class MemoryStateStore : IStateStore
{
    private BuildState? _state;

    /// <inheritdoc />
    public BuildState? Load(out string whyNot)
    {
        whyNot = _state is null ? "the first build" : string.Empty;
        return _state;
    }

    /// <inheritdoc />
    public void Save(BuildState state) => _state = state;

    /// <inheritdoc />
    public void Forget() => _state = null;
}

/// <summary>
/// The state of the last <c>build</c>, in one file (<see cref="FileName"/>) of the cache folder, written
/// whole under a temporary name and renamed into place, with a checksum at its end: a missing, damaged
/// or foreign file is no state, and the build starts from nothing. The warm parts are not kept: the next
/// build reads the articles from the article cache.
/// </summary>
/// <param name="folder">The cache folder.</param>
public sealed class DiskStateStore(string folder) : IStateStore
{
    /// <summary>The state's file name in the cache folder.</summary>
    public const string FileName = "state.bin";

    private const int Version = 3;
    private const int Checksum = 16;
    private static readonly byte[] Magic = "BSST"u8.ToArray();

    /// <summary>The file the state is kept in.</summary>
    public string Path => System.IO.Path.Combine(folder, FileName);

    /// <inheritdoc />
    public BuildState? Load(out string whyNot)
    {
        try
        {
            if (!File.Exists(Path))
            {
                whyNot = "no saved state";
                return null;
            }

            using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            var length = stream.Length;
            whyNot = "the saved state is damaged or from another version of Broadside";
            if (length < Magic.Length + Checksum)
            {
                return null;
            }

            var computed = Hash(stream, length - Checksum);
            Span<byte> recorded = stackalloc byte[Checksum];
            stream.ReadExactly(recorded);
            if (computed != new Hash128(BinaryPrimitives.ReadUInt64LittleEndian(recorded), BinaryPrimitives.ReadUInt64LittleEndian(recorded[8..])))
            {
                return null;
            }

            stream.Position = 0;
            using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic) || reader.ReadInt32() != Version)
            {
                return null;
            }

            var state = Read(reader);
            if (stream.Position != length - Checksum)
            {
                return null;
            }

            whyNot = string.Empty;
            return state;
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or UnauthorizedAccessException or ArgumentException or FormatException)
        {
            whyNot = $"the saved state cannot be read ({ex.Message})";
            return null;
        }
    }

    /// <inheritdoc />
    public void Save(BuildState state)
    {
        Directory.CreateDirectory(folder);
        var temporary = Path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16))
        {
            using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
            {
                writer.Write(Magic);
                writer.Write(Version);
                Write(writer, state);
            }

            // The checksum of what was written, read back from the start.
            var length = stream.Position;
            stream.Position = 0;
            var checksum = Hash(stream, length);
            using var end = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            checksum.WriteTo(end);
        }

        File.Move(temporary, Path, overwrite: true);
    }

    /// <inheritdoc />
    public void Forget()
    {
        try
        {
            File.Delete(Path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left: it names the manifest it was saved with, which no longer matches the site's.
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

    /// <summary>A hash of the manifest in <paramref name="outputFolder"/>; zero when there is none.</summary>
    public static Hash128 HashManifest(string outputFolder)
    {
        var path = System.IO.Path.Combine(outputFolder, OutputManifest.FileName);
        if (!File.Exists(path))
        {
            return Hash128.Zero;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return Hash(stream, stream.Length);
    }

    /// <summary>
    /// Every file of <c>articles/</c> (its Markdown files), <c>pages/</c> and <c>media/</c> with its size
    /// and time, in path order. A file modified less than two seconds before <paramref name="started"/>
    /// (when given) may change again within the same tick of the file system's clock: it is recorded with
    /// no time, which no file matches.
    /// </summary>
    /// <param name="inputFolder">The input folder.</param>
    /// <param name="started">When the build started that records them; null to take the times as they are.</param>
    public static ImmutableArray<InputStamp> Stamp(string inputFolder, DateTime? started) =>
        Stamp(List(inputFolder, folder => System.IO.Path.GetFileName(folder)), started);

    /// <summary>
    /// The folders of the input whose files <see cref="Stamp(ImmutableArray{FolderListing}, DateTime?)"/>
    /// records, listed once, with what each listing reported shown below <paramref name="display"/> of
    /// the folder, so that the build that reads them reports it as its own listing would.
    /// </summary>
    public static ImmutableArray<FolderListing> List(string inputFolder, Func<string, string> display) =>
        [.. new[] { ("articles", Build.SitePipelines.ArticlePattern), ("pages", "*"), ("media", "*") }.Select(f =>
        {
            var folder = System.IO.Path.GetFullPath(System.IO.Path.Combine(inputFolder, f.Item1));
            return FolderListing.Of(folder, f.Item2, inputFolder, display(folder));
        })];

    /// <summary>The files of <paramref name="listings"/> (<see cref="List"/>) as <see cref="Stamp(string, DateTime?)"/> records them.</summary>
    public static ImmutableArray<InputStamp> Stamp(ImmutableArray<FolderListing> listings, DateTime? started)
    {
        var stamps = new List<InputStamp>(listings.Sum(l => l.Files.Length + l.Problems.Length));
        var racy = started - TimeSpan.FromSeconds(2);
        foreach (var listing in listings)
        {
            var name = System.IO.Path.GetFileName(listing.Folder);
            foreach (var file in listing.Files)
            {
                var relative = name + "/" + ContentFiles.RelativePath(listing.Folder, file.Path);
                stamps.Add(new InputStamp(relative, file.Length, new DateTime(file.LastWriteTicks, DateTimeKind.Utc) > racy ? 0 : file.LastWriteTicks));
            }

            // What could not be listed is reported by the build, which then keeps no state; a listing
            // with it matches no state kept.
            foreach (var problem in listing.Problems)
            {
                stamps.Add(new InputStamp(problem.File ?? string.Empty, -1, 0));
            }
        }

        return [.. stamps.OrderBy(s => s.Path, StringComparer.Ordinal)];
    }

    /// <summary>
    /// <paramref name="stamps"/> (<see cref="Stamp(string, DateTime?)"/>, taken as they are) as a build that started at
    /// <paramref name="started"/> keeps them: a file modified less than two seconds before may change
    /// again within the same tick of the file system's clock, and gets no time, which no file matches.
    /// </summary>
    public static ImmutableArray<InputStamp> Trusted(ImmutableArray<InputStamp> stamps, DateTime started)
    {
        var racy = (started - TimeSpan.FromSeconds(2)).Ticks;
        return [.. stamps.Select(s => s.Ticks > racy ? s with { Ticks = 0 } : s)];
    }

    // A count read from the file as a table's first size: a damaged file's is no more than a hint.
    private static int Capacity(int count) => Math.Clamp(count, 0, 1 << 20);

    private static BuildState Read(BinaryReader reader)
    {
        var fingerprint = ImmutableArray.CreateBuilder<(string, Hash128)>(reader.ReadInt32());
        for (var i = fingerprint.Capacity; i > 0; i--)
        {
            fingerprint.Add((reader.ReadString(), Hash128.ReadFrom(reader)));
        }

        var siteKey = Hash128.ReadFrom(reader);
        var year = reader.ReadInt32();
        var manifest = Hash128.ReadFrom(reader);
        var next = ReadDate(reader);
        var documents = reader.ReadInt32();
        // Made at their size: grown by doubling, the tables of a large site are each several arrays on
        // the large object heap, and every few megabytes there start a full collection.
        var count = reader.ReadInt32();
        var articles = new Dictionary<string, ArticleRecord>(Capacity(count), StringComparer.Ordinal);
        for (var i = count; i > 0; i--)
        {
            articles[reader.ReadString()] = new ArticleRecord(Hash128.ReadFrom(reader), Hash128.ReadFrom(reader), Hash128.ReadFrom(reader));
        }

        count = reader.ReadInt32();
        var lists = new Dictionary<string, ListRecord>(Capacity(count), StringComparer.Ordinal);
        for (var i = count; i > 0; i--)
        {
            lists[reader.ReadString()] = new ListRecord(Hash128.ReadFrom(reader), Hash128.ReadFrom(reader));
        }

        var inputs = ImmutableArray.CreateBuilder<InputStamp>(reader.ReadInt32());
        for (var i = inputs.Capacity; i > 0; i--)
        {
            inputs.Add(new InputStamp(reader.ReadString(), reader.ReadInt64(), reader.ReadInt64()));
        }

        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>(reader.ReadInt32());
        for (var i = diagnostics.Capacity; i > 0; i--)
        {
            var severity = (DiagnosticSeverity)reader.ReadByte();
            var (code, message) = (reader.ReadString(), reader.ReadString());
            var file = reader.ReadBoolean() ? reader.ReadString() : null;
            diagnostics.Add(new Diagnostic(severity, code, message, file, reader.ReadInt32(), reader.ReadInt32()));
        }

        return new BuildState
        {
            Fingerprint = fingerprint.MoveToImmutable(),
            SiteKey = siteKey,
            Year = year,
            Manifest = manifest,
            NextPublication = next,
            Documents = documents,
            Articles = articles,
            Lists = lists,
            Inputs = inputs.MoveToImmutable(),
            Diagnostics = diagnostics.MoveToImmutable(),
        };
    }

    private static void Write(BinaryWriter writer, BuildState state)
    {
        writer.Write(state.Fingerprint.Length);
        foreach (var (part, hash) in state.Fingerprint)
        {
            writer.Write(part);
            hash.WriteTo(writer);
        }

        state.SiteKey.WriteTo(writer);
        writer.Write(state.Year);
        state.Manifest.WriteTo(writer);
        WriteDate(writer, state.NextPublication);
        writer.Write(state.Documents);
        writer.Write(state.Articles.Count);
        foreach (var (source, record) in state.Articles.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            writer.Write(source);
            record.Hash.WriteTo(writer);
            record.Context.WriteTo(writer);
            record.View.WriteTo(writer);
        }

        writer.Write(state.Lists.Count);
        foreach (var (id, record) in state.Lists.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            writer.Write(id);
            record.Members.WriteTo(writer);
            record.Header.WriteTo(writer);
        }

        writer.Write(state.Inputs.Length);
        foreach (var stamp in state.Inputs)
        {
            writer.Write(stamp.Path);
            writer.Write(stamp.Length);
            writer.Write(stamp.Ticks);
        }

        writer.Write(state.Diagnostics.Length);
        foreach (var diagnostic in state.Diagnostics)
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
    }

    // The hash of the first `length` bytes of `stream`, from where it is, read in pieces: the files are
    // megabytes, and a buffer of their size would count towards a full collection.
    private static Hash128 Hash(Stream stream, long length)
    {
        var hash = new XxHash128();
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            for (var left = length; left > 0;)
            {
                var read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
                if (read == 0)
                {
                    throw new EndOfStreamException();
                }

                hash.Append(buffer.AsSpan(0, read));
                left -= read;
            }

            return Hash128.Of(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
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
