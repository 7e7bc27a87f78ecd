namespace Broadside.Content;

/// <summary>What a path names, as the file system says without the file being opened (<see cref="FileProbe"/>).</summary>
public enum FileKind
{
    /// <summary>Nothing: the path does not exist, or is a link that leads nowhere.</summary>
    Missing,

    /// <summary>A regular file: the only kind of file Broadside reads or copies.</summary>
    File,

    /// <summary>A folder.</summary>
    Folder,

    /// <summary>A symbolic link (only when links are not followed).</summary>
    Link,

    /// <summary>A named pipe (FIFO): reading it waits for a writer that may never come.</summary>
    Pipe,

    /// <summary>A socket.</summary>
    Socket,

    /// <summary>A device, such as <c>/dev/zero</c>: reading it may never end.</summary>
    Device,

    /// <summary>A link that leads round a loop of links and never reaches a file.</summary>
    LinkLoop,

    /// <summary>The system refused to say: a folder on the way cannot be searched.</summary>
    Unreadable,
}
