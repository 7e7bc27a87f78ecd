namespace Broadside.Content;

/// <summary>What a path is, and its size and time when it is a file.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Length">Its size in bytes, for a file; 0 otherwise.</param>
/// <param name="LastWriteTicks">When it was last written, in UTC ticks as <see cref="FileSystemInfo.LastWriteTimeUtc"/> gives it, for a file; 0 otherwise.</param>
public readonly record struct FileStatus(FileKind Kind, long Length, long LastWriteTicks = 0)
{
    /// <summary>True for a named pipe, a socket or a device: never opened.</summary>
    public bool IsSpecial => Kind is FileKind.Pipe or FileKind.Socket or FileKind.Device;

    /// <summary>What it is, in words, for messages (<c>a named pipe (FIFO)</c>).</summary>
    public string Description => Kind switch
    {
        FileKind.Pipe => "a named pipe (FIFO)",
        FileKind.Socket => "a socket",
        FileKind.Device => "a device",
        FileKind.Folder => "a folder",
        FileKind.Link => "a symbolic link",
        _ => "a file",
    };
}
