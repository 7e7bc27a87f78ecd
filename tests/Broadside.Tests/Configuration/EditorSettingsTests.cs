using Broadside.Configuration;
using Broadside.Diagnostics;

namespace Broadside.Tests.Configuration;

public sealed class EditorSettingsTests
{
    private const string File = "input/site.yml";

    private const string Minimal = "title: The Dispatch\nbase_url: https://example.org/\n";

    [Fact]
    public void Reads_the_editor_block()
    {
        var diagnostics = new DiagnosticBag();
        var config = SiteConfigLoader.Parse(Minimal + "editor:\n  repo: commons-dispatch/site.v2\n  branch: release/2026\n", File, diagnostics);

        Assert.Empty(diagnostics.ToImmutableSorted());
        Assert.Equal(new EditorSettings("commons-dispatch/site.v2", "release/2026"), config.Editor);
    }

    [Fact]
    public void The_branch_is_main_unless_the_block_names_one()
    {
        var config = SiteConfigLoader.Parse(Minimal + "editor: {repo: a/b}\n", File, new DiagnosticBag());

        Assert.Equal(EditorSettings.DefaultBranch, config.Editor!.Branch);
    }

    [Fact]
    public void Without_the_block_there_is_no_editor() =>
        Assert.Null(SiteConfigLoader.Parse(Minimal, File, new DiagnosticBag()).Editor);

    [Theory]
    [InlineData("editor: commons-dispatch/site\n", 3, DiagnosticCodes.EditorInvalid, "must be a mapping")]
    [InlineData("editor:\n  branch: main\n", 4, DiagnosticCodes.RequiredKeyMissing, "'repo' is missing")]
    [InlineData("editor:\n  repo: https://github.com/a/b\n", 4, DiagnosticCodes.EditorInvalid, "not a GitHub repository")]
    [InlineData("editor:\n  repo: \"a/b\\nc\"\n", 4, DiagnosticCodes.EditorInvalid, "not a GitHub repository")]
    [InlineData("editor:\n  repo: a/b\n  branch: \"main; rm -rf /\"\n", 5, DiagnosticCodes.EditorInvalid, "not a branch name")]
    [InlineData("editor:\n  repo: a/b\n  branch: ../main\n", 5, DiagnosticCodes.EditorInvalid, "not a branch name")]
    [InlineData("editor:\n  repo: [a, b]\n", 4, DiagnosticCodes.WrongType, "must be text")]
    public void A_block_that_cannot_be_used_is_an_error_at_its_line_and_turns_the_editor_off(string block, int line, string code, string message)
    {
        var diagnostics = new DiagnosticBag();
        var config = SiteConfigLoader.Parse(Minimal + block, File, diagnostics);

        var problem = Assert.Single(diagnostics.ToImmutableSorted(), d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal((File, line, code), (problem.File, problem.Line, problem.Code));
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
        Assert.Null(config.Editor);
    }

    [Fact]
    public void An_unknown_key_of_the_block_is_a_warning_that_names_the_nearest()
    {
        var diagnostics = new DiagnosticBag();
        SiteConfigLoader.Parse(Minimal + "editor:\n  repo: a/b\n  brnach: main\n", File, diagnostics);

        var problem = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal((DiagnosticSeverity.Warning, 5), (problem.Severity, problem.Line));
        Assert.Contains("'branch'", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a/b", true)]
    [InlineData("commons-dispatch/commons_dispatch.org", true)]
    [InlineData("a", false)]
    [InlineData("/b", false)]
    [InlineData("a/", false)]
    [InlineData("a/b/c", false)]
    [InlineData("-a/b", false)]
    [InlineData("a/..", false)]
    [InlineData("a b/c", false)]
    [InlineData("a/b\"", false)]
    public void Knows_a_repository(string text, bool repository) => Assert.Equal(repository, EditorSettings.IsRepository(text));

    [Theory]
    [InlineData("main", true)]
    [InlineData("release/2026.1", true)]
    [InlineData("-main", false)]
    [InlineData("a..b", false)]
    [InlineData("a/", false)]
    [InlineData("a.lock", false)]
    [InlineData("a/.b", false)]
    [InlineData("a b", false)]
    [InlineData("a:b", false)]
    [InlineData("", false)]
    public void Knows_a_branch(string text, bool branch) => Assert.Equal(branch, EditorSettings.IsBranch(text));
}
