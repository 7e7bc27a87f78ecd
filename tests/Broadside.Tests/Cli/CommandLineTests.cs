using System.Text.RegularExpressions;
using Broadside.Cli;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Cli;

/// <summary><c>broadside</c> as a user runs it: exit codes, help, and what it prints.</summary>
public sealed partial class CommandLineTests : IDisposable
{
    private readonly TemporaryFolder _output = new();

    [Fact]
    public async Task Help_lists_the_build_command()
    {
        var run = await Run("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"(?m)^\s+build\b", run.Output);
    }

    [Fact]
    public async Task Build_help_lists_its_options()
    {
        var run = await Run("build", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.All(
            new[] { "--input", "--theme", "--output", "--base-url", "--drafts" },
            option => Assert.Contains(option, run.Output, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("build --frobnicate", "--frobnicate")]
    [InlineData("--frobnicate", "--frobnicate")]
    [InlineData("publish", "publish")]
    public async Task An_unknown_option_or_command_is_a_usage_error_that_names_it(string arguments, string name)
    {
        var run = await Run(arguments.Split(' '));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(name, run.Error, StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }

    [Fact]
    public async Task A_base_url_that_is_not_an_address_is_a_usage_error()
    {
        var run = await Run("build", "--input", RepositoryPaths.Input, "--theme", RepositoryPaths.Theme, "--output", _output.Path, "--base-url", "not-a-url");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--base-url", run.Error, StringComparison.Ordinal);
        Assert.Contains("not-a-url", run.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_output.Path));
        AssertNoStackTrace(run);
    }

    [Fact]
    public async Task Building_the_broken_fixture_exits_1_with_compiler_style_diagnostics_and_a_summary()
    {
        var run = await Run("build", "--input", RepositoryPaths.Fixture("broken"), "--theme", RepositoryPaths.Theme, "--output", _output.Path);
        var lines = Lines(run.Error);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(16, lines.Count(line => LocatedDiagnostic().IsMatch(line)));
        Assert.All(lines[..^1], line => Assert.Matches(Diagnostic(), line));
        Assert.StartsWith("Build failed: 17 errors, 1 warning.", lines[^1], StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_output.Path));
        AssertNoStackTrace(run);
    }

    [Fact]
    public async Task Building_a_missing_input_folder_exits_1_without_a_stack_trace()
    {
        var run = await Run("build", "--input", Path.Combine(_output.Path, "nowhere"), "--theme", RepositoryPaths.Theme, "--output", _output.Combine("site"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("BS0001", run.Error, StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }

    [Fact]
    public async Task Building_the_sample_exits_0_with_one_summary_line()
    {
        var run = await Run("build", "--input", RepositoryPaths.Input, "--theme", RepositoryPaths.Theme, "--output", _output.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Error);
        Assert.StartsWith("Built ", Assert.Single(Lines(run.Output)), StringComparison.Ordinal);
        Assert.True(File.Exists(_output.Combine("index.html")), "The home page was not written.");
    }

    public void Dispose() => _output.Dispose();

    private static async Task<(int ExitCode, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CommandLine.RunAsync(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    private static string[] Lines(string text) =>
        [.. text.Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.Length > 0)];

    private static void AssertNoStackTrace((int ExitCode, string Output, string Error) run)
    {
        foreach (var text in new[] { run.Output, run.Error })
        {
            Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"^.+\(\d+,\d+\): (error|warning) BS\d{4}: .+$")]
    private static partial Regex LocatedDiagnostic();

    // A diagnostic about a whole file (such as a URL collision) has no line and column.
    [GeneratedRegex(@"^.+?(\(\d+(,\d+)?\))?: (error|warning) BS\d{4}: .+$")]
    private static partial Regex Diagnostic();
}
