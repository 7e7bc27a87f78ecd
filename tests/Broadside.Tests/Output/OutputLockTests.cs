using System.Diagnostics;
using Broadside.Output;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Output;

public sealed class OutputLockTests : IDisposable
{
    private readonly TemporaryFolder _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public void A_held_lock_is_not_given_twice_and_the_refusal_names_the_process_that_holds_it()
    {
        var site = _root.Combine("site");
        using (var first = OutputLock.TryAcquire(site, "broadside build", TimeSpan.Zero, out _))
        {
            Assert.NotNull(first);

            var second = OutputLock.TryAcquire(site, "broadside serve", TimeSpan.FromMilliseconds(300), out var holder);

            Assert.Null(second);
            Assert.StartsWith($"broadside build (process {Environment.ProcessId}, started ", holder, StringComparison.Ordinal);
        }

        using var after = OutputLock.TryAcquire(site, "broadside build", TimeSpan.Zero, out _);
        Assert.NotNull(after);
    }

    [Fact]
    public void A_build_waits_for_the_one_before_to_let_go()
    {
        var site = _root.Combine("site");
        var first = OutputLock.TryAcquire(site, "broadside build", TimeSpan.Zero, out _)!;
        var released = Task.Run(async () =>
        {
            await Task.Delay(400);
            first.Dispose();
        });

        using var second = OutputLock.TryAcquire(site, "broadside build", TimeSpan.FromSeconds(20), out _);

        Assert.NotNull(second);
        Assert.True(released.IsCompleted);
    }

    [Fact]
    public void A_lock_left_by_a_process_that_is_gone_is_taken_over()
    {
        var site = _root.Combine("site");
        File.WriteAllText(OutputLock.PathOf(site), string.Empty);
        File.WriteAllText(OutputLock.PathOf(site) + ".owner", "broadside build (process 4000000, started 2020-01-01 00:00:00 UTC)\n");

        using var taken = OutputLock.TryAcquire(site, "broadside build", TimeSpan.Zero, out _);

        Assert.NotNull(taken);
        Assert.Contains($"process {Environment.ProcessId}", File.ReadAllText(OutputLock.PathOf(site) + ".owner"), StringComparison.Ordinal);
    }

    [Fact]
    public void Another_process_that_holds_the_lock_keeps_it_until_it_ends()
    {
        var site = _root.Combine("site");
        var path = OutputLock.PathOf(site);
        File.WriteAllText(path + ".owner", "broadside serve (process 1234, started 2026-12-06 10:00:00 UTC)\n");

        // The lock as another Broadside takes it: the whole file, exclusively (flock).
        using var other = Process.Start(new ProcessStartInfo("python3", ["-c", "import fcntl, sys; f = open(sys.argv[1], 'a'); fcntl.flock(f, fcntl.LOCK_EX); print('locked', flush=True); sys.stdin.read()", path])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
        })!;
        Assert.Equal("locked", other.StandardOutput.ReadLine());

        var refused = OutputLock.TryAcquire(site, "broadside build", TimeSpan.FromMilliseconds(300), out var holder);

        Assert.Null(refused);
        Assert.Equal("broadside serve (process 1234, started 2026-12-06 10:00:00 UTC)", holder);
        other.Kill();
        other.WaitForExit();
        using var taken = OutputLock.TryAcquire(site, "broadside build", TimeSpan.FromSeconds(5), out _);
        Assert.NotNull(taken);
    }
}
