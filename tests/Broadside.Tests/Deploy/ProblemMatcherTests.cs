using System.Text.Json;
using System.Text.RegularExpressions;
using Broadside.Diagnostics;
using Broadside.Tests.TestSupport;
using YamlDotNet.RepresentationModel;

namespace Broadside.Tests.Deploy;

/// <summary>
/// The GitHub Actions problem matcher turns Broadside's diagnostics into annotations on the right file
/// and line, and the workflow registers it before it checks the publication.
/// </summary>
public sealed partial class ProblemMatcherTests
{
    private const string MatcherFile = ".github/broadside-problem-matcher.json";

    [Theory]
    [InlineData("input/articles/x.md(4,7): error BS0102: message", "input/articles/x.md", "4", "7", "error", "BS0102", "message")]
    [InlineData("input/x.md(4): warning BS0108: msg", "input/x.md", "4", "", "warning", "BS0108", "msg")]
    [InlineData("input/x.md: error BS0401: msg", "input/x.md", "", "", "error", "BS0401", "msg")]
    [InlineData(
        "input/articles/2026/bus-drivers.md(9,1): warning BS0108: unknown key 'tittle': did you mean 'title'?",
        "input/articles/2026/bus-drivers.md", "9", "1", "warning", "BS0108", "unknown key 'tittle': did you mean 'title'?")]
    [InlineData(
        "input/articles/my first (draft).md(12,3): error BS0107: '2026-02-30' is not a date: write it as YYYY-MM-DD",
        "input/articles/my first (draft).md", "12", "3", "error", "BS0107", "'2026-02-30' is not a date: write it as YYYY-MM-DD")]
    public void The_matcher_reads_file_line_column_severity_code_and_message(
        string line, string file, string lineNumber, string column, string severity, string code, string message)
    {
        var matcher = Matcher("broadside");

        var match = matcher.Regex.Match(line);

        Assert.True(match.Success, $"The matcher does not match: {line}");
        Assert.Equal(file, matcher.Group(match, "file"));
        Assert.Equal(lineNumber, matcher.Group(match, "line"));
        Assert.Equal(column, matcher.Group(match, "column"));
        Assert.Equal(severity, matcher.Group(match, "severity"));
        Assert.Equal(code, matcher.Group(match, "code"));
        Assert.Equal(message, matcher.Group(match, "message"));
    }

    [Fact]
    public void The_matcher_reads_what_the_build_prints()
    {
        var matcher = Matcher("broadside");
        var diagnostics = new[]
        {
            new Diagnostic(DiagnosticSeverity.Error, "BS0102", "missing 'title'", "input/articles/x.md", 4, 7),
            new Diagnostic(DiagnosticSeverity.Warning, "BS0108", "unknown key", "input/x.md", 4),
            new Diagnostic(DiagnosticSeverity.Error, "BS0401", "two items at /a/", "input/x.md"),
        };

        foreach (var diagnostic in diagnostics)
        {
            var match = matcher.Regex.Match(diagnostic.ToString());
            Assert.True(match.Success, $"The matcher does not match: {diagnostic}");
            Assert.Equal(diagnostic.File, matcher.Group(match, "file"));
            Assert.Equal(diagnostic.Line == 0 ? string.Empty : diagnostic.Line.ToString(System.Globalization.CultureInfo.InvariantCulture), matcher.Group(match, "line"));
            Assert.Equal(diagnostic.IsError ? "error" : "warning", matcher.Group(match, "severity"));
            Assert.Equal(diagnostic.Code, matcher.Group(match, "code"));
            Assert.Equal(diagnostic.Message, matcher.Group(match, "message"));
        }
    }

    [Fact]
    public void A_problem_of_the_whole_build_is_annotated_without_a_file()
    {
        var line = new Diagnostic(DiagnosticSeverity.Error, "BS0001", "the input folder 'input' does not exist").ToString();

        Assert.False(Matcher("broadside").Regex.IsMatch(line), $"The file matcher takes 'broadside' for a file in: {line}");
        var build = Matcher("broadside-build");
        var match = build.Regex.Match(line);
        Assert.True(match.Success, $"No matcher matches: {line}");
        Assert.Equal("error", build.Group(match, "severity"));
        Assert.Equal("BS0001", build.Group(match, "code"));
        Assert.Equal(string.Empty, build.Group(match, "file"));
    }

    [Fact]
    public async Task Every_diagnostic_a_failed_build_prints_is_annotated()
    {
        using var output = new TemporaryFolder();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exitCode = await Broadside.Cli.CommandLine.RunAsync(
            ["build", "--input", RepositoryPaths.Fixture("broken"), "--theme", RepositoryPaths.Theme, "--output", output.Path],
            stdout,
            stderr);

        Assert.Equal(1, exitCode);
        var diagnostics = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => DiagnosticCode().IsMatch(line))
            .ToList();
        Assert.NotEmpty(diagnostics);
        var file = Matcher("broadside");
        var build = Matcher("broadside-build");
        Assert.All(diagnostics, line => Assert.True(file.Regex.IsMatch(line) || build.Regex.IsMatch(line), $"No matcher matches: {line}"));
        Assert.Contains(diagnostics, line => file.Regex.Match(line).Groups[file.Groups["line"]].Success);
    }

    [Theory]
    [InlineData("Checked 21 documents: 0 errors, 0 warnings (0.36 s).")]
    [InlineData("/src/Broadside/X.cs(3,5): warning CS8618: Non-nullable field [/src/Broadside/Broadside.csproj]")]
    [InlineData("Built 212 documents into output: 240 files (3 written, 237 unchanged) in 1.20 s.")]
    [InlineData("Build failed: 2 errors. Nothing was written; output is as it was.")]
    public void Other_lines_are_not_annotated(string line)
    {
        Assert.DoesNotMatch(Matcher("broadside").Regex, line);
        Assert.DoesNotMatch(Matcher("broadside-build").Regex, line);
    }

    [Fact]
    public void The_workflow_registers_the_matcher_then_checks_builds_and_tests()
    {
        var workflow = Workflow();
        var on = (YamlMappingNode)workflow.Children[new YamlScalarNode("on")];
        Assert.True(on.Children.ContainsKey(new YamlScalarNode("pull_request")), "The workflow does not run on pull requests.");
        var push = (YamlMappingNode)on.Children[new YamlScalarNode("push")];
        var branches = ((YamlSequenceNode)push.Children[new YamlScalarNode("branches")]).Children.Select(node => node.ToString());
        Assert.Contains("main", branches);

        var steps = ((YamlMappingNode)workflow.Children[new YamlScalarNode("jobs")]).Children.Values
            .Cast<YamlMappingNode>()
            .SelectMany(job => ((YamlSequenceNode)job.Children[new YamlScalarNode("steps")]).Children.Cast<YamlMappingNode>())
            .ToList();
        var uses = steps.Select(step => Value(step, "uses")).ToList();
        var runs = steps.Select(step => Value(step, "run")?.Trim()).ToList();

        var checkout = uses.FindIndex(value => value?.StartsWith("actions/checkout@", StringComparison.Ordinal) == true);
        var setup = uses.FindIndex(value => value?.StartsWith("actions/setup-dotnet@", StringComparison.Ordinal) == true);
        var matcher = runs.IndexOf($"echo \"::add-matcher::{MatcherFile}\"");
        var check = runs.IndexOf("dotnet run --project src/Broadside.Cli -c Release -- check");
        var build = runs.IndexOf("dotnet run --project src/Broadside.Cli -c Release -- build");
        var test = runs.IndexOf("dotnet test Site.sln");

        Assert.True(checkout >= 0, "The workflow does not check out the repository.");
        Assert.True(setup > checkout, "The workflow does not set up .NET after checking out.");
        Assert.Equal("global.json", Value((YamlMappingNode)steps[setup].Children[new YamlScalarNode("with")], "global-json-file"));
        Assert.True(matcher > setup, "The workflow does not register the problem matcher.");
        Assert.True(check > matcher, "The workflow does not run `broadside check` after registering the matcher.");
        Assert.True(build > check, "The workflow does not run the README's build command after the check.");
        Assert.True(test > build, "The workflow does not run the tests after the build.");
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, MatcherFile)), $"{MatcherFile} is missing.");
    }

    private static YamlMappingNode Workflow()
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(RepositoryPaths.Root, ".github", "workflows", "site.yml"));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string? Value(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar ? scalar.Value : null;

    private static ProblemMatcher Matcher(string owner)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, MatcherFile)));
        var matcher = json.RootElement.GetProperty("problemMatcher").EnumerateArray()
            .Single(element => element.GetProperty("owner").GetString() == owner);
        var pattern = Assert.Single(matcher.GetProperty("pattern").EnumerateArray().ToList());
        var groups = pattern.EnumerateObject()
            .Where(property => property.Value.ValueKind == JsonValueKind.Number)
            .ToDictionary(property => property.Name, property => property.Value.GetInt32(), StringComparer.Ordinal);

        // GitHub runs the expression as JavaScript; ECMAScript mode gives .NET the same meaning of \d and friends.
        var regex = new Regex(pattern.GetProperty("regexp").GetString()!, RegexOptions.ECMAScript);
        return new ProblemMatcher(regex, groups);
    }

    [GeneratedRegex(@": (error|warning) BS\d{4}: ")]
    private static partial Regex DiagnosticCode();

    private sealed record ProblemMatcher(Regex Regex, IReadOnlyDictionary<string, int> Groups)
    {
        /// <summary>The text of a named property's group (file, line…), or empty when the property is absent or the group did not take part.</summary>
        public string Group(Match match, string property) =>
            Groups.TryGetValue(property, out var index) ? match.Groups[index].Value : string.Empty;
    }
}
