using Broadside.Diagnostics;

namespace Broadside.Content;

/// <summary>The two parts of a content file.</summary>
/// <param name="Yaml">The front matter's YAML text.</param>
/// <param name="YamlLineOffset">Lines of the file before the YAML starts (1: the opening <c>---</c>).</param>
/// <param name="Body">The Markdown after the closing <c>---</c>: a slice of the file's text, not a copy.</param>
/// <param name="BodyLineOffset">Lines of the file before the body starts.</param>
public sealed record SplitContent(string Yaml, int YamlLineOffset, ReadOnlyMemory<char> Body, int BodyLineOffset);

/// <summary>Splits a content file into its YAML front matter and its Markdown body.</summary>
public static class FrontMatterSplitter
{
    /// <summary>
    /// Splits <paramref name="text"/>; reports a file without front matter or with front matter that
    /// is never closed, and returns null.
    /// </summary>
    public static SplitContent? Split(string text, string file, DiagnosticBag diagnostics)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var reader = new LineReader(text);
        if (!reader.TryRead(out var first) || !IsFence(first, "---"))
        {
            var what = string.IsNullOrWhiteSpace(text) ? "the file is empty" : "the file has no front matter";
            diagnostics.Error(
                DiagnosticCodes.FrontMatterMissing,
                $"{what}: start it with a line '---', then 'title:', 'author:', 'section:' and 'date:' lines, then '---'",
                file,
                1,
                1);
            return null;
        }

        var yamlStart = reader.Position;
        var lines = 1;
        while (reader.TryRead(out var line))
        {
            lines++;
            if (IsFence(line, "---") || IsFence(line, "..."))
            {
                var yaml = text[yamlStart..reader.LineStart];
                return new SplitContent(yaml, 1, text.AsMemory(reader.Position), lines);
            }
        }

        diagnostics.Error(
            DiagnosticCodes.FrontMatterUnclosed,
            "the front matter is never closed: add a line '---' after its last key",
            file,
            1,
            1);
        return null;
    }

    private static bool IsFence(ReadOnlySpan<char> line, string fence) => line.TrimEnd().SequenceEqual(fence);

    /// <summary>Reads lines ending in <c>\n</c> or <c>\r\n</c>, tracking where each starts.</summary>
    private ref struct LineReader(string text)
    {
        private readonly string _text = text;

        public int Position { get; private set; }

        public int LineStart { get; private set; }

        public bool TryRead(out ReadOnlySpan<char> line)
        {
            if (Position >= _text.Length)
            {
                line = default;
                return false;
            }

            LineStart = Position;
            var end = _text.IndexOf('\n', Position);
            var next = end < 0 ? _text.Length : end + 1;
            var stop = end < 0 ? _text.Length : end;
            if (stop > Position && _text[stop - 1] == '\r')
            {
                stop--;
            }

            line = _text.AsSpan(Position, stop - Position);
            Position = next;
            return true;
        }
    }
}
