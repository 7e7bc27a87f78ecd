using System.IO.Hashing;
using System.Text;

namespace Broadside.Output;

/// <summary>
/// Writes files into the output folder, leaving a file alone when its bytes would not change, so its
/// modification time stays and a deploy uploads only what changed. What the last build recorded in
/// the manifest (hash, size, time) settles most files without reading them back.
/// </summary>
public static class OutputWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="content"/> at <paramref name="path"/> unless it is already there.</summary>
    /// <returns>Whether the file was written, and what the manifest should remember of it.</returns>
    public static (bool Written, OutputRecord Record) WriteText(string path, string content, OutputRecord? previous = null) =>
        WriteBytes(path, Utf8.GetBytes(content), previous);

    /// <summary>Writes <paramref name="bytes"/> at <paramref name="path"/> unless it is already there.</summary>
    public static (bool Written, OutputRecord Record) WriteBytes(string path, ReadOnlySpan<byte> bytes, OutputRecord? previous = null)
    {
        var hash = Convert.ToHexStringLower(XxHash128.Hash(bytes));
        var info = new FileInfo(path);
        if (info.Exists && info.Length == bytes.Length
            && (previous is not null && previous.Hash == hash && previous.Length == bytes.Length && previous.LastWriteTicks == info.LastWriteTimeUtc.Ticks
                || File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes)))
        {
            return (false, new OutputRecord(hash, bytes.Length, info.LastWriteTimeUtc.Ticks));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return (true, new OutputRecord(hash, bytes.Length, File.GetLastWriteTimeUtc(path).Ticks));
    }

    /// <summary>Copies <paramref name="source"/> to <paramref name="path"/> unless the copy is already identical.</summary>
    public static (bool Written, OutputRecord Record) Copy(string source, string path)
    {
        var from = new FileInfo(source);
        var to = new FileInfo(path);
        if (to.Exists && to.Length == from.Length && to.LastWriteTimeUtc >= from.LastWriteTimeUtc)
        {
            return (false, new OutputRecord(string.Empty, to.Length, to.LastWriteTimeUtc.Ticks));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(source, path, overwrite: true);
        return (true, new OutputRecord(string.Empty, from.Length, File.GetLastWriteTimeUtc(path).Ticks));
    }
}
