using System.Text;

namespace Broadside.Output;

/// <summary>
/// Writes files into the output folder, leaving a file alone when its bytes would not change, so its
/// modification time stays and a deploy uploads only what changed.
/// </summary>
public static class OutputWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="content"/> at <paramref name="path"/>; returns false when the file was already identical.</summary>
    public static bool WriteText(string path, string content) => WriteBytes(path, Utf8.GetBytes(content));

    /// <summary>Writes <paramref name="bytes"/> at <paramref name="path"/>; returns false when the file was already identical.</summary>
    public static bool WriteBytes(string path, ReadOnlySpan<byte> bytes)
    {
        if (IsSame(path, bytes))
        {
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return true;
    }

    /// <summary>Copies <paramref name="source"/> to <paramref name="path"/> unless the copy is already identical.</summary>
    public static bool Copy(string source, string path)
    {
        var from = new FileInfo(source);
        var to = new FileInfo(path);
        if (to.Exists && to.Length == from.Length && to.LastWriteTimeUtc >= from.LastWriteTimeUtc)
        {
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(source, path, overwrite: true);
        return true;
    }

    private static bool IsSame(string path, ReadOnlySpan<byte> bytes)
    {
        var info = new FileInfo(path);
        if (!info.Exists || info.Length != bytes.Length)
        {
            return false;
        }

        return File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes);
    }
}
