using System.Text;
using Broadside.Content;
using Broadside.Diagnostics;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Content;

public sealed class TextFileTests : IDisposable
{
    private const string Display = "input/articles/a.md";

    private readonly TemporaryFolder _folder = new();

    public static TheoryData<string, byte[]> Readable => new()
    {
        { "plain", "---\ntitle: x\n---\n"u8.ToArray() },
        { "byte-order mark and CRLF", [0xEF, 0xBB, 0xBF, .. "---\r\ntitle: x\r\n---\r\n"u8.ToArray()] },
        { "empty", [] },
        { "non-Latin letters", Encoding.UTF8.GetBytes("---\ntitle: Забастовка 罢工 إضراب\n---\n") },
    };

    public static TheoryData<string, byte[], string> Refused => new()
    {
        { "a PNG", [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, (byte)'I', (byte)'H', (byte)'D', (byte)'R'], "the file is binary, not text" },
        { "text with a NUL", "---\ntitle: x\0\n---\n"u8.ToArray(), "the file is binary, not text" },
        { "Latin-1", Encoding.Latin1.GetBytes("---\ntitle: Grève\n---\n"), "the file is not UTF-8 text" },
        { "UTF-16", Encoding.Unicode.GetBytes("---\ntitle: x\n---\n"), "the file is binary, not text" },
    };

    [Theory]
    [MemberData(nameof(Readable))]
    public void Reads_text_files(string what, byte[] bytes)
    {
        var path = _folder.Combine(what + ".md");
        File.WriteAllBytes(path, bytes);
        var diagnostics = new DiagnosticBag();

        var read = TextFile.Read(path, Display, diagnostics);

        Assert.Equal(bytes, read);
        Assert.Empty(diagnostics.ToImmutableSorted());
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void Refuses_what_is_not_UTF_8_text_with_BS0002(string what, byte[] bytes, string message)
    {
        var path = _folder.Combine(what + ".md");
        File.WriteAllBytes(path, bytes);
        var diagnostics = new DiagnosticBag();

        var read = TextFile.Read(path, Display, diagnostics);

        Assert.Null(read);
        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal((DiagnosticCodes.FileUnreadable, Display, 0), (diagnostic.Code, diagnostic.File, diagnostic.Line));
        Assert.StartsWith(message, diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TextFile.MaxBytes, true)]
    [InlineData(TextFile.MaxBytes + 1, false)]
    [InlineData(50L * 1024 * 1024, false)]
    public void Refuses_a_file_over_the_limit_without_reading_it(long length, bool accepted)
    {
        var path = _folder.Combine("large.md");
        using (var stream = File.Create(path))
        {
            // A sparse file of spaces would be slow to write; its length is all that is checked first.
            stream.SetLength(length);
        }

        var diagnostics = new DiagnosticBag();

        var read = TextFile.Read(path, Display, diagnostics);

        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        if (accepted)
        {
            // Zeros pass the size check and are then refused as binary.
            Assert.Equal(DiagnosticCodes.FileUnreadable, diagnostic.Code);
        }
        else
        {
            Assert.Null(read);
            Assert.Equal((DiagnosticCodes.FileTooLarge, Display), (diagnostic.Code, diagnostic.File));
            Assert.Contains("more than the 10 MB a text file may have", diagnostic.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Refuses_a_link_that_leads_out_of_the_root_with_BS0011()
    {
        Directory.CreateDirectory(_folder.Combine("input"));
        File.WriteAllText(_folder.Combine("secret.yml"), "title: secret");
        File.CreateSymbolicLink(_folder.Combine("input", "site.yml"), "../secret.yml");
        var diagnostics = new DiagnosticBag();

        var read = TextFile.Read(_folder.Combine("input", "site.yml"), "input/site.yml", diagnostics, root: _folder.Combine("input"));

        Assert.Null(read);
        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal((DiagnosticCodes.LinkOutsideInput, "input/site.yml"), (diagnostic.Code, diagnostic.File));
        Assert.Contains(InputPaths.Real(_folder.Combine("secret.yml")), diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_BS0002()
    {
        var diagnostics = new DiagnosticBag();

        Assert.Null(TextFile.Read(_folder.Combine("nowhere.md"), Display, diagnostics));
        Assert.Equal(DiagnosticCodes.FileUnreadable, Assert.Single(diagnostics.ToImmutableSorted()).Code);
    }

    public void Dispose() => _folder.Dispose();
}
