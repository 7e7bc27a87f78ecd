using System.Collections.Concurrent;
using System.Globalization;
using Broadside.Configuration;
using Broadside.Output;

namespace Broadside.Pictures;

/// <summary>
/// The files made of pictures, and what their headers said, kept between builds in the cache folder
/// (<c>pictures/</c>) by a hash of the picture's bytes and the settings: a second build of the same
/// pictures decodes and encodes nothing. Each file is written whole under a temporary name and renamed
/// into place; one that cannot be read is made again. The process keeps the files it made last, up
/// to <see cref="MemoryLimit"/> bytes, for the next build that asks (the preview server, a build into
/// another folder): a file's name is a hash of all it is made from, so it is the same wherever it is kept.
/// </summary>
/// <param name="folder">The cache folder, or null.</param>
public sealed class PictureStore(string? folder)
{
    /// <summary>How many bytes of files the process keeps in memory.</summary>
    public const long MemoryLimit = 256L << 20;

    private static readonly ConcurrentDictionary<string, byte[]> Recent = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, (long Length, long Ticks, Hash128 Hash)> Hashes = new(StringComparer.Ordinal);
    private static long _recentBytes;

    private readonly ConcurrentDictionary<string, byte[]> _memory = new(StringComparer.Ordinal);
    private readonly string? _folder = folder is null ? null : Path.Combine(folder, "pictures");

    /// <summary>The folder the files are kept in, or null.</summary>
    public string? Folder => _folder;

    /// <summary>The bytes of the file of <paramref name="variant"/> of the picture with <paramref name="key"/>, or null when none is kept.</summary>
    public byte[]? Get(Hash128 key, PictureVariant variant)
    {
        var name = Name(key, variant);
        if (_memory.TryGetValue(name, out var kept) || Recent.TryGetValue(name, out kept))
        {
            if (_folder is not null && !File.Exists(Path.Combine(_folder, name)))
            {
                TryWrite(Path.Combine(_folder, name), kept);
            }

            return kept;
        }

        if (_folder is null)
        {
            return null;
        }

        try
        {
            var path = Path.Combine(_folder, name);
            return File.Exists(path) ? File.ReadAllBytes(path) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>True when the file of <paramref name="variant"/> of the picture with <paramref name="key"/> is kept, without reading it.</summary>
    public bool Has(Hash128 key, PictureVariant variant)
    {
        var name = Name(key, variant);
        return _memory.ContainsKey(name) || Recent.ContainsKey(name) || (_folder is not null && File.Exists(Path.Combine(_folder, name)));
    }

    /// <summary>
    /// Makes the files of <paramref name="picture"/> in <paramref name="variants"/> that are not kept, decoding
    /// it once, and keeps them; returns why they could not be made, or null.
    /// </summary>
    public string? Make(SourcePicture picture, PictureSettings settings, IEnumerable<PictureVariant> variants)
    {
        var missing = variants.Where(v => !Has(picture.Key, v)).ToList();
        if (missing.Count == 0)
        {
            return null;
        }

        try
        {
            foreach (var (path, bytes) in PictureImaging.Make(picture, settings, missing))
            {
                Put(picture.Key, missing.First(v => v.Path == path), bytes);
            }

            return null;
        }
        catch (NetVips.VipsException ex)
        {
            return PictureImaging.Unreadable(picture.FullPath, ex);
        }
    }

    /// <summary>
    /// The hash of the bytes of the file at <paramref name="path"/>, read only when its size or time
    /// changed since the process last read it: a preview that rebuilds on each save does not read every
    /// photo each time.
    /// </summary>
    public static Hash128 HashOf(string path)
    {
        var file = new FileInfo(path);
        var (length, ticks) = (file.Length, file.LastWriteTimeUtc.Ticks);
        if (Hashes.TryGetValue(path, out var known) && known.Length == length && known.Ticks == ticks)
        {
            return known.Hash;
        }

        var hash = Hash128.Of(File.ReadAllBytes(path));
        Hashes[path] = (length, ticks, hash);
        return hash;
    }

    /// <summary>Keeps <paramref name="bytes"/> as the file of <paramref name="variant"/>; a cache that cannot be written keeps it for this build.</summary>
    public void Put(Hash128 key, PictureVariant variant, byte[] bytes)
    {
        var name = Name(key, variant);
        if (_folder is null || !TryWrite(Path.Combine(_folder, name), bytes))
        {
            _memory[name] = bytes;
        }

        // Kept for the process's next build while there is room; the oldest are not tracked, the newest simply not kept.
        if (Interlocked.Add(ref _recentBytes, bytes.Length) <= MemoryLimit)
        {
            if (!Recent.TryAdd(name, bytes))
            {
                Interlocked.Add(ref _recentBytes, -bytes.Length);
            }
        }
        else
        {
            Interlocked.Add(ref _recentBytes, -bytes.Length);
        }
    }

    /// <summary>What the header of the picture with the bytes of <paramref name="hash"/> said, when read before.</summary>
    public PictureImaging.Header? Header(Hash128 hash, long maxPixels)
    {
        var name = KeyBuilder.Format(new KeyBuilder().Add(hash).Add(maxPixels).Finish()) + ".probe";
        string? text = null;
        if (_memory.TryGetValue(name, out var kept) || Recent.TryGetValue(name, out kept))
        {
            text = System.Text.Encoding.ASCII.GetString(kept);
        }
        else if (_folder is not null)
        {
            try
            {
                var path = Path.Combine(_folder, name);
                text = File.Exists(path) ? File.ReadAllText(path) : null;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                text = null;
            }
        }

        var parts = text?.Split(' ');
        return parts is { Length: 3 } && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var width) && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var height) && width > 0 && height > 0
            ? new PictureImaging.Header(width, height, parts[2] == "1")
            : null;
    }

    /// <summary>Keeps what the header of the picture with the bytes of <paramref name="hash"/> said.</summary>
    public void KeepHeader(Hash128 hash, long maxPixels, PictureImaging.Header header)
    {
        var name = KeyBuilder.Format(new KeyBuilder().Add(hash).Add(maxPixels).Finish()) + ".probe";
        var bytes = System.Text.Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{header.Width} {header.Height} {(header.Alpha ? 1 : 0)}"));
        if (_folder is null || !TryWrite(Path.Combine(_folder, name), bytes))
        {
            _memory[name] = bytes;
        }

        Recent.TryAdd(name, bytes);
    }

    private static string Name(Hash128 key, PictureVariant variant) =>
        string.Create(CultureInfo.InvariantCulture, $"{KeyBuilder.Format(new KeyBuilder().Add(key).Add(variant.Path).Finish())}.{SourcePicture.Extension(variant.Format)}");

    private static bool TryWrite(string path, byte[] bytes)
    {
        var temporary = $"{path}.{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, path, overwrite: true);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
            }

            return false;
        }
    }
}
