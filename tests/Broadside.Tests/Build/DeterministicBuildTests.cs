using System.Diagnostics;
using Broadside.Build;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Build;

/// <summary>
/// A build does not depend on the machine: the sample publication, with articles whose tags sort
/// differently in Turkish (where I lower-cases to ı) and a date near midnight, built by the
/// <c>broadside</c> command on a machine set to Turkish in the time zone furthest ahead of UTC
/// (Pacific/Kiritimati, UTC+14), gives the same bytes as a build in this process.
/// </summary>
public sealed class DeterministicBuildTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_build_in_another_time_zone_and_culture_is_byte_for_byte_the_same()
    {
        var input = _folder.Combine("input");
        TemporaryFolder.CopyFolder(RepositoryPaths.Input, input);
        Write(input, "ideas.md", "Ideas for the union", "2026-03-14T23:30:00-05:00", "ideas");
        Write(input, "isik.md", "Işık grevi", "2026-03-14", "Işık");
        var here = Builder.Build(new BuildOptions
        {
            InputFolder = input,
            ThemeFolder = RepositoryPaths.Theme,
            OutputFolder = _folder.Combine("here"),
            IncludeDrafts = true,
            IncludeFuture = true,

            // The web editor of the sample's site.yml, found as the command finds it (from the same folder).
            Editor = Broadside.Cli.Commands.EditorCheck.Locate(input),
        });
        Assert.True(here.Succeeded, string.Join('\n', here.Diagnostics));

        var (exitCode, output) = await RunBroadside(
            new Dictionary<string, string> { ["TZ"] = "Pacific/Kiritimati", ["LC_ALL"] = "tr_TR.UTF-8", ["LANG"] = "tr_TR.UTF-8" },
            "build", "--input", input, "--theme", RepositoryPaths.Theme, "--output", _folder.Combine("there"), "--drafts", "--future");

        Assert.True(exitCode == 0, output);
        var expected = new SiteOutput(_folder.Combine("here")).Snapshot();
        var actual = new SiteOutput(_folder.Combine("there")).Snapshot();
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        Assert.All(expected, file => Assert.True(file.Value.AsSpan().SequenceEqual(actual[file.Key]), $"{file.Key} differs."));
    }

    private static void Write(string input, string name, string title, string date, string tag) => File.WriteAllText(
        Path.Combine(input, "articles", name),
        $"---\ntitle: \"{title}\"\nauthor: Ana Ruiz\nsection: Labor\ndate: {date}\ntags: [\"{tag}\"]\n---\n\nA body.\n");

    // Runs the broadside command built next to the tests, in an environment of its own.
    private static async Task<(int ExitCode, string Output)> RunBroadside(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "broadside.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
