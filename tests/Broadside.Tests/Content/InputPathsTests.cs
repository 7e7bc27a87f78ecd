using Broadside.Content;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Content;

public sealed class InputPathsTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();
    private readonly string _input;
    private readonly string _realInput;

    public InputPathsTests()
    {
        _input = _folder.Combine("input");
        Directory.CreateDirectory(Path.Combine(_input, "articles"));
        Directory.CreateDirectory(_folder.Combine("outside", "deep"));
        File.WriteAllText(Path.Combine(_input, "articles", "real.md"), "inside");
        File.WriteAllText(_folder.Combine("outside", "secret.md"), "outside");
        _realInput = InputPaths.Real(_input);
    }

    [Theory]
    [InlineData("real.md")]
    [InlineData("nowhere.md")]
    public void A_path_without_links_is_itself(string name)
    {
        var path = Path.Combine(_input, "articles", name);

        Assert.Equal(Path.Combine(_realInput, "articles", name), InputPaths.Real(path));
        Assert.Null(InputPaths.Outside(path, _realInput));
    }

    [Theory]
    [InlineData("real.md")]
    [InlineData("../articles/./real.md")]
    public void A_link_that_stays_inside_is_inside(string target)
    {
        var link = Path.Combine(_input, "articles", "link.md");
        File.CreateSymbolicLink(link, target);

        Assert.Equal(Path.Combine(_realInput, "articles", "real.md"), InputPaths.Real(link));
        Assert.Null(InputPaths.Outside(link, _realInput));
    }

    [Theory]
    [InlineData("../../outside/secret.md")]
    [InlineData("/etc/hostname")]
    public void A_link_that_leads_out_is_outside(string target)
    {
        var link = Path.Combine(_input, "articles", "link.md");
        File.CreateSymbolicLink(link, target);

        var outside = InputPaths.Outside(link, _realInput);

        Assert.NotNull(outside);
        Assert.False(outside.StartsWith(_realInput, StringComparison.Ordinal), outside);
    }

    [Fact]
    public void A_folder_link_that_leads_out_makes_everything_below_it_outside()
    {
        Directory.CreateSymbolicLink(Path.Combine(_input, "articles", "elsewhere"), _folder.Combine("outside"));

        Assert.Equal(
            Path.Combine(InputPaths.Real(_folder.Path), "outside", "secret.md"),
            InputPaths.Outside(Path.Combine(_input, "articles", "elsewhere", "secret.md"), _realInput));
    }

    [Fact]
    public void Dot_dot_after_a_link_climbs_from_where_the_link_leads()
    {
        // Read as text, "deep/.." would be input/articles and the file inside; the system follows the link first.
        Directory.CreateSymbolicLink(Path.Combine(_input, "articles", "deep"), _folder.Combine("outside", "deep"));
        File.CreateSymbolicLink(Path.Combine(_input, "articles", "trick.md"), "deep/../secret.md");

        Assert.Equal(
            Path.Combine(InputPaths.Real(_folder.Path), "outside", "secret.md"),
            InputPaths.Outside(Path.Combine(_input, "articles", "trick.md"), _realInput));
        Assert.Equal("outside", File.ReadAllText(Path.Combine(_input, "articles", "trick.md")));
    }

    [Fact]
    public void A_loop_of_links_ends()
    {
        File.CreateSymbolicLink(Path.Combine(_input, "articles", "a.md"), "b.md");
        File.CreateSymbolicLink(Path.Combine(_input, "articles", "b.md"), "a.md");

        var real = InputPaths.Real(Path.Combine(_input, "articles", "a.md"));

        Assert.StartsWith(_realInput, real, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
