using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Broadside.Content;

/// <summary>
/// What a path is (<see cref="FileKind"/>), how large and when it was written, asked of the system without opening the file:
/// opening a named pipe waits for a writer, and reading a device such as <c>/dev/zero</c> never ends,
/// so nothing the build reads or copies is opened before it is known to be a regular file or a folder.
/// </summary>
/// <remarks>
/// .NET says whether a path is a folder or a link, not whether it is a pipe or a device. On Linux the
/// answer is glibc's <c>statx</c>, whose structure is laid out alike on every architecture; on other
/// Unix systems, and where <c>statx</c> is missing, the runtime's own <c>lstat</c> and <c>stat</c>; on
/// Windows, which has no such files in its folders, the file's attributes.
/// </remarks>
public static partial class FileProbe
{
    private const int AtCurrentFolder = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const uint StatxMtime = 0x40;
    private const uint StatxSize = 0x200;
    private const int TypeMask = 0xF000;
    private const int Enosys = 38;

    // statx is tried first on Linux, and not again once the system has shown it lacks it.
    private static volatile bool _statx = OperatingSystem.IsLinux();

    /// <summary>What <paramref name="path"/> is, following a final symbolic link when <paramref name="followLinks"/>.</summary>
    public static FileStatus Of(string path, bool followLinks)
    {
        if (OperatingSystem.IsWindows())
        {
            return OfAttributes(path, followLinks);
        }

        if (_statx)
        {
            try
            {
                return OfStatx(path, followLinks);
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
                _statx = false;
            }
        }

        return OfRuntime(path, followLinks);
    }

    /// <summary>What <paramref name="path"/> is, by glibc's <c>statx</c> (Linux).</summary>
    internal static FileStatus OfStatx(string path, bool followLinks)
    {
        // struct statx: stx_mode is a u16 at offset 28, stx_size a u64 at 40, stx_mtime at 112 (seconds
        // as an i64, then nanoseconds as a u32); the whole is 256 bytes.
        Span<byte> buffer = stackalloc byte[256];
        if (Statx(AtCurrentFolder, path, followLinks ? 0 : AtSymlinkNoFollow, StatxType | StatxSize | StatxMtime, ref MemoryMarshal.GetReference(buffer)) != 0)
        {
            var error = Marshal.GetLastPInvokeError();
            return error == Enosys ? OfRuntime(path, followLinks) : Failed(error, loop: 40);
        }

        return Status(
            BinaryPrimitives.ReadUInt16LittleEndian(buffer[28..]),
            BinaryPrimitives.ReadInt64LittleEndian(buffer[40..]),
            Ticks(BinaryPrimitives.ReadInt64LittleEndian(buffer[112..]), BinaryPrimitives.ReadUInt32LittleEndian(buffer[120..])));
    }

    /// <summary>What <paramref name="path"/> is, by the .NET runtime's own <c>lstat</c> and <c>stat</c> (any Unix).</summary>
    internal static FileStatus OfRuntime(string path, bool followLinks)
    {
        // The runtime's FileStatus: Flags (i32), Mode (i32, with the type bits of stat), Uid, Gid, Size (i64),
        // ATime, ATimeNsec, MTime, MTimeNsec (i64 each), ...
        Span<byte> buffer = stackalloc byte[256];
        var result = followLinks
            ? RuntimeStat(path, ref MemoryMarshal.GetReference(buffer))
            : RuntimeLStat(path, ref MemoryMarshal.GetReference(buffer));
        return result != 0
            ? Failed(Marshal.GetLastPInvokeError(), loop: OperatingSystem.IsLinux() ? 40 : 62)
            : Status(
                BinaryPrimitives.ReadInt32LittleEndian(buffer[4..]),
                BinaryPrimitives.ReadInt64LittleEndian(buffer[16..]),
                Ticks(BinaryPrimitives.ReadInt64LittleEndian(buffer[40..]), BinaryPrimitives.ReadInt64LittleEndian(buffer[48..])));
    }

    // A time of the system (seconds and nanoseconds since 1970) in UTC ticks, as FileSystemInfo gives it.
    private static long Ticks(long seconds, long nanoseconds) =>
        DateTime.UnixEpoch.Ticks + (seconds * TimeSpan.TicksPerSecond) + (nanoseconds / TimeSpan.NanosecondsPerTick);

    private static FileStatus Status(int mode, long length, long ticks) => (mode & TypeMask) switch
    {
        0x8000 => new FileStatus(FileKind.File, length, ticks),
        0x4000 => new FileStatus(FileKind.Folder, 0),
        0xA000 => new FileStatus(FileKind.Link, 0),
        0x1000 => new FileStatus(FileKind.Pipe, 0),
        0xC000 => new FileStatus(FileKind.Socket, 0),
        _ => new FileStatus(FileKind.Device, 0),
    };

    // ENOENT and ENOTDIR are 2 and 20 on every Unix; ELOOP is 40 on Linux and 62 on the BSDs and macOS.
    private static FileStatus Failed(int error, int loop) => new(
        error is 2 or 20 ? FileKind.Missing : error == loop ? FileKind.LinkLoop : FileKind.Unreadable,
        0);

    private static FileStatus OfAttributes(string path, bool followLinks)
    {
        try
        {
            FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
            if (!info.Exists && info.LinkTarget is null)
            {
                return new FileStatus(FileKind.Missing, 0);
            }

            if (info.LinkTarget is not null)
            {
                if (!followLinks)
                {
                    return new FileStatus(FileKind.Link, 0);
                }

                info = info.ResolveLinkTarget(returnFinalTarget: true) ?? info;
                if (!info.Exists)
                {
                    return new FileStatus(FileKind.Missing, 0);
                }
            }

            return info is FileInfo file ? new FileStatus(FileKind.File, file.Length, file.LastWriteTimeUtc.Ticks) : new FileStatus(FileKind.Folder, 0);
        }
        catch (IOException ex) when (ex.HResult == unchecked((int)0x80070781))
        {
            // ERROR_CANT_RESOLVE_FILENAME: a loop of links.
            return new FileStatus(FileKind.LinkLoop, 0);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new FileStatus(FileKind.Unreadable, 0);
        }
    }

    [LibraryImport("libc.so.6", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int folder, string path, int flags, uint mask, ref byte buffer);

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int RuntimeStat(string path, ref byte buffer);

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_LStat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int RuntimeLStat(string path, ref byte buffer);
}
