using System.Diagnostics;
using System.Net.Sockets;

namespace Broadside.Tests.TestSupport;

/// <summary>Named pipes, sockets and devices, made at test time: none of them can be committed.</summary>
public static class SpecialFiles
{
    /// <summary>Makes a named pipe (FIFO) at <paramref name="path"/>.</summary>
    public static void Pipe(string path) => Run("mkfifo", path);

    /// <summary>Makes a device like <c>/dev/zero</c> at <paramref name="path"/>; only root may.</summary>
    public static void ZeroDevice(string path) => Run("mknod", path, "c", "1", "5");

    /// <summary>Makes a Unix socket at <paramref name="path"/>: there until the socket returned is closed.</summary>
    public static Socket Socket(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        return socket;
    }

    /// <summary>
    /// Waits, on another thread, for something to open the pipe at <paramref name="path"/> for reading:
    /// the task completes only if it is opened. Dispose the result to stop waiting.
    /// </summary>
    public static PipeWatch WatchPipe(string path) => new(path);

    private static void Run(string command, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{command} failed: {error}");
    }

    /// <summary>A writer waiting for a reader of a named pipe (<see cref="WatchPipe"/>).</summary>
    public sealed class PipeWatch : IDisposable
    {
        private readonly string _path;
        private readonly Task _writer;

        internal PipeWatch(string path)
        {
            _path = path;

            // Opening a pipe for writing waits until it is opened for reading.
            _writer = Task.Factory.StartNew(() => new FileStream(path, FileMode.Open, FileAccess.Write).Dispose(), TaskCreationOptions.LongRunning);
        }

        /// <summary>True when something opened the pipe for reading.</summary>
        public bool Opened => _writer.IsCompleted;

        /// <summary>Opens the pipe for reading, so that the writer stops waiting.</summary>
        public void Dispose()
        {
            if (!_writer.IsCompleted)
            {
                new FileStream(_path, FileMode.Open, FileAccess.Read).Dispose();
            }

            _writer.Wait(TimeSpan.FromSeconds(10));
        }
    }
}
