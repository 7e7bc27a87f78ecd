using Broadside.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Broadside.Yaml;

/// <summary>Loads one YAML document and turns YamlDotNet's exceptions into located diagnostics.</summary>
public static class YamlLoader
{
    /// <summary>
    /// The root node of the first document of <paramref name="yaml"/>; an empty scalar for empty text;
    /// null after reporting a syntax error.
    /// </summary>
    public static YamlNode? Load(string yaml, string file, int lineOffset, DiagnosticBag diagnostics)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            return stream.Documents.Count == 0 ? new YamlScalarNode(string.Empty) { Style = ScalarStyle.Plain } : stream.Documents[0].RootNode;
        }
        catch (YamlException ex)
        {
            var message = ex.Message.StartsWith("Duplicate key", StringComparison.Ordinal)
                ? $"the key '{ex.Message["Duplicate key".Length..].Trim()}' is written twice: keep one"
                : $"this is not valid YAML ({Describe(ex)}); check quotes, colons and indentation";
            var code = ex.Message.StartsWith("Duplicate key", StringComparison.Ordinal)
                ? DiagnosticCodes.DuplicateKey
                : DiagnosticCodes.YamlSyntax;
            diagnostics.Error(code, message, file, (int)ex.Start.Line + lineOffset, (int)ex.Start.Column);
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet reports some unfinished structures (a '[' or '{' never closed) without a position.
            diagnostics.Error(
                DiagnosticCodes.YamlSyntax,
                "this is not valid YAML: a list or mapping opened with '[' or '{' is never closed; check brackets and quotes",
                file,
                lineOffset + 1,
                1);
            return null;
        }
    }

    private static string Describe(YamlException ex)
    {
        var text = (ex.InnerException?.Message ?? ex.Message).Trim().TrimEnd('.');
        return text.Length == 0 ? "syntax error" : char.ToLowerInvariant(text[0]) + text[1..];
    }
}
