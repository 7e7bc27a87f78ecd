using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Broadside.Output;

/// <summary>
/// Keeps two builds (or a build and <c>broadside serve</c>) from writing one output folder at once. The
/// lock is a file beside the folder (<c>.output.broadside-lock</c>) held open with the operating system's
/// own exclusive lock, which the system lets go of when the process ends, however it ends: a lock left by
/// a process that is gone is simply taken. Who holds it is written beside it
/// (<c>.output.broadside-lock.owner</c>) for the message the next one gets.
/// </summary>
public sealed class OutputLock : IDisposable
{
    private readonly FileStream _stream;
    private readonly string _owner;

    private OutputLock(string folder, FileStream stream, string owner)
    {
        Folder = folder;
        _stream = stream;
        _owner = owner;
    }

    /// <summary>The output folder this lock is for, as a full path.</summary>
    public string Folder { get; }

    /// <summary>The lock file of the output folder <paramref name="outputFolder"/>.</summary>
    public static string PathOf(string outputFolder)
    {
        var folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputFolder));
        return Path.Combine(Path.GetDirectoryName(folder) ?? folder, $".{Path.GetFileName(folder)}.broadside-lock");
    }

    /// <summary>
    /// Takes the lock of <paramref name="outputFolder"/>, waiting up to <paramref name="wait"/> for another
    /// process (or another build of this one) to let it go; null, with <paramref name="holder"/> saying
    /// who has it, when it is still held then.
    /// </summary>
    /// <param name="outputFolder">The output folder.</param>
    /// <param name="command">What takes it, for the message another build gets (<c>broadside build</c>).</param>
    /// <param name="wait">How long to wait for it.</param>
    /// <param name="holder">Who holds the lock, when it could not be taken.</param>
    public static OutputLock? TryAcquire(string outputFolder, string command, TimeSpan wait, out string holder)
    {
        var path = PathOf(outputFolder);
        var folder = Path.GetDirectoryName(path)!;
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                Directory.CreateDirectory(folder);

                // FileShare.None is an exclusive lock of the whole file (flock on Unix), between processes
                // and between two opens in one process alike.
                var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                var owner = path + ".owner";
                using (var process = Process.GetCurrentProcess())
                {
                    var started = process.StartTime.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
                    WriteOwner(owner, string.Create(CultureInfo.InvariantCulture, $"{command} (process {Environment.ProcessId}, started {started})"));
                }

                holder = string.Empty;
                return new OutputLock(Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputFolder)), stream, owner);
            }
            catch (IOException) when (File.Exists(path))
            {
                if (deadline.Elapsed >= wait)
                {
                    holder = ReadOwner(path + ".owner");
                    return null;
                }

                Thread.Sleep(TimeSpan.FromMilliseconds(100));
            }
        }
    }

    /// <summary>Lets go of the lock.</summary>
    public void Dispose()
    {
        try
        {
            File.Delete(_owner);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Only the message of a later build would be stale: the lock itself goes with the stream.
        }

        // The lock file stays: deleting it would let a process that opened it just before take a lock on a
        // file that no longer has that name, while a third takes one on a new file.
        _stream.Dispose();
    }

    private static void WriteOwner(string path, string text)
    {
        try
        {
            File.WriteAllText(path + ".tmp", text + "\n", Encoding.UTF8);
            File.Move(path + ".tmp", path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The lock holds without it; a build that waits only learns less about who holds it.
        }
    }

    private static string ReadOwner(string path)
    {
        try
        {
            var text = File.ReadAllText(path).Trim();
            return text.Length > 0 ? text : "another Broadside process";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "another Broadside process";
        }
    }
}
