using System.Diagnostics;
using System.IO.Hashing;
using Broadside.Bench;
using Broadside.Build;
using Broadside.Output;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Cli;

/// <summary>A build killed with SIGKILL while writing leaves the previous site complete.</summary>
public sealed class InterruptedBuildTests
{
    [Fact]
    public void A_build_killed_while_writing_leaves_the_previous_site_and_the_next_build_publishes_the_new_one()
    {
        using var input = new TemporaryFolder();
        using var parent = new TemporaryFolder();
        var output = parent.Combine("site");
        File.Copy(Path.Combine(RepositoryPaths.Input, "site.yml"), input.Combine("site.yml"));
        CorpusGenerator.Write(600, input.Combine("articles"));
        var options = new BuildOptions { InputFolder = input.Path, ThemeFolder = RepositoryPaths.Theme, OutputFolder = output };
        Assert.True(Builder.Build(options).Succeeded);
        var before = Snapshot(output);

        var staging = Path.Combine(parent.Path, ".site.broadside-staging");
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            // Every page changes: the site's title is on each.
            File.WriteAllText(input.Combine("site.yml"), File.ReadAllText(input.Combine("site.yml")).Replace("title: \"", $"title: \"New{attempt} ", StringComparison.Ordinal));
            KillWhileStaging(input.Path, output, staging);
            Assert.True(Directory.Exists(staging), "the killed build had a staging folder");
            if (File.Exists(Path.Combine(staging, "journal.json")) || Snapshot(output)[OutputManifest.FileName] != before[OutputManifest.FileName])
            {
                // On a busy machine the kill can land after the last file was written: while the files are
                // moved in (the journal is there; the manifest moves last), or after, while the staging
                // folder is deleted (the new manifest is in place). The next build finishes the one and
                // the other (StagedOutputTests), and the kill is tried again.
                Assert.True(Builder.Build(options).Succeeded);
                before = Snapshot(output);
                continue;
            }

            Assert.Equal(before, Snapshot(output));

            var rebuilt = Builder.Build(options);
            Assert.True(rebuilt.Succeeded);
            Assert.False(Directory.Exists(staging));
            Assert.Contains($"New{attempt} ", File.ReadAllText(Path.Combine(output, "index.html")), StringComparison.Ordinal);
            Assert.Equal(before.Keys, Snapshot(output).Keys);
            return;
        }

        Assert.Fail("in three tries the kill landed only after the build had written its last file");
    }

    private static void KillWhileStaging(string input, string output, string staging)
    {
        using var build = Process.Start(new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "broadside.dll"), "build", "--input", input, "--theme", RepositoryPaths.Theme, "--output", output])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var deadline = Stopwatch.StartNew();
        while (!build.HasExited && StagedFiles(staging) < 300 && deadline.Elapsed < TimeSpan.FromMinutes(2))
        {
            Thread.Sleep(2);
        }

        Assert.False(build.HasExited, "the build finished before it could be killed mid-write: give the corpus more articles");
        build.Kill(entireProcessTree: true);
        build.WaitForExit();
    }

    private static int StagedFiles(string staging)
    {
        try
        {
            return Directory.Exists(staging) ? Directory.EnumerateFiles(staging).Take(300).Count() : 0;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static SortedDictionary<string, string> Snapshot(string folder) =>
        new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(XxHash128.Hash(File.ReadAllBytes(f)))), StringComparer.Ordinal);
}
