using System.Diagnostics;
using System.Text.Json;
using Broadside.Build;
using Broadside.Tests.Build;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Quality;

/// <summary>
/// The W3C's Nu HTML checker (vnu, the checker behind validator.w3.org) finds no error in any page of
/// the sample site built with search, nor in the theme's stylesheets.
/// </summary>
public sealed class HtmlValidityTests : IDisposable
{
    private readonly TemporaryFolder _output = new();

    [ToolFact(Tool.Java | Tool.Vnu)]
    public void Every_page_and_stylesheet_of_the_sample_site_passes_the_Nu_HTML_checker()
    {
        QualityTools.Require(Tool.Java | Tool.Vnu);
        var result = Builder.Build(SampleSiteFixture.OptionsFor(_output.Path) with { Search = true });
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        var site = new SiteOutput(_output.Path);
        var files = site.Files.Where(f => f.EndsWith(".html", StringComparison.Ordinal) || f.EndsWith(".css", StringComparison.Ordinal)).ToList();
        Assert.Contains("search/index.html", files);
        Assert.Contains(files, f => f.EndsWith(".css", StringComparison.Ordinal));

        var errors = Check(files.Select(f => Path.Combine(_output.Path, f)));

        Assert.True(errors.Count == 0, $"The Nu HTML checker found {errors.Count} errors:\n" + string.Join('\n', errors));
    }

    /// <inheritdoc />
    public void Dispose() => _output.Dispose();

    // One run of the checker for every file: the JVM starts once.
    private List<string> Check(IEnumerable<string> files)
    {
        var start = new ProcessStartInfo(QualityTools.Java!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-jar", QualityTools.VnuJar, "--errors-only", "--also-check-css", "--format", "json", "--exit-zero-always" }.Concat(files))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var report = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), "The Nu HTML checker did not finish in 5 minutes.");
        Assert.True(process.ExitCode == 0, $"The Nu HTML checker failed ({process.ExitCode}): {report}{output.Result}");

        // vnu writes its JSON report to standard error.
        using var json = JsonDocument.Parse(report);
        return [.. json.RootElement.GetProperty("messages").EnumerateArray()
            .Where(m => m.GetProperty("type").GetString() is "error" or "non-document-error")
            .Select(m => $"{Relative(m)}({Line(m)}): {m.GetProperty("message").GetString()} {Extract(m)}")];
    }

    // vnu names a page file:/tmp/…/index.html, a stylesheet the same way: a file URL without a host.
    private string Relative(JsonElement message) =>
        message.TryGetProperty("url", out var url) && url.GetString() is { } address
            ? Path.GetRelativePath(_output.Path, address.StartsWith("file:", StringComparison.Ordinal) ? Uri.UnescapeDataString("/" + address["file:".Length..].TrimStart('/')) : address).Replace('\\', '/')
            : "?";

    private static string Line(JsonElement message) =>
        message.TryGetProperty("lastLine", out var line) ? line.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture) : "?";

    private static string Extract(JsonElement message) =>
        message.TryGetProperty("extract", out var extract) ? $"[{extract.GetString()?.ReplaceLineEndings(" ").Trim()}]" : string.Empty;
}
