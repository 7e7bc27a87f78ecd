using System.Text;
using Broadside.Content;
using Broadside.Diagnostics;

namespace Broadside.Tests.Content;

public sealed class SourceFileTests
{
    [Theory]
    [InlineData("---\ntitle: x\n---\nBody ñ 罢工\n", "Body ñ 罢工\n")]
    [InlineData("\uFEFF---\ntitle: Grève générale — 罢工\n---\n\nCorps ñ\n", "\nCorps ñ\n")]
    [InlineData("---\r\ntitle: \"Забастовка\"\r\n---\r\n", "")]
    public void The_body_bytes_are_the_body_of_the_text(string file, string body)
    {
        var bytes = Encoding.UTF8.GetPreamble().Take(file.StartsWith('\uFEFF') ? 3 : 0).Concat(Encoding.UTF8.GetBytes(file.TrimStart('\uFEFF'))).ToArray();
        var source = new SourceFile { FullPath = "x.md", RelativePath = "x.md", Bytes = bytes };
        var text = source.Text;
        var split = FrontMatterSplitter.Split(text, "x.md", new DiagnosticBag())!;

        Assert.False(text.StartsWith('\uFEFF'));
        Assert.Equal(body, Encoding.UTF8.GetString(source.BodyBytes(text, split.Body).Span));
    }
}
