using Broadside.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Broadside.Yaml;

/// <summary>
/// Loads one YAML document and turns YamlDotNet's exceptions into located diagnostics. Aliases
/// (<c>*name</c>) are refused: they can make a few lines stand for billions of values, or for a value
/// that contains itself. So is nesting deeper than <see cref="MaxDepth"/>, which would exhaust the stack.
/// </summary>
public static class YamlLoader
{
    /// <summary>The deepest nesting of lists and mappings accepted.</summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// The root node of the first document of <paramref name="yaml"/>; an empty scalar for empty text;
    /// null after reporting a syntax error, an alias or nesting too deep.
    /// </summary>
    public static YamlNode? Load(string yaml, string file, int lineOffset, DiagnosticBag diagnostics)
    {
        // Most front matter is flat, and read without YamlDotNet's scanner; the rest goes through it.
        var flat = FlatYaml.TryRead(yaml);
        var parser = new GuardedParser(flat is null ? new Parser(new StringReader(yaml)) : FlatYaml.Parser(flat));
        try
        {
            var stream = new YamlStream();
            stream.Load(parser);
            return stream.Documents.Count == 0 ? new YamlScalarNode(string.Empty) { Style = ScalarStyle.Plain } : stream.Documents[0].RootNode;
        }
        catch (RefusedYamlException ex)
        {
            diagnostics.Error(ex.Code, ex.Message, file, (int)ex.Start.Line + lineOffset, (int)ex.Start.Column);
            return null;
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
        catch (ArgumentException)
        {
            // YamlDotNet's parser can emit a key with no value event (for "- : x"), which its document
            // model then refuses without a position; the event before the one refused is the key.
            diagnostics.Error(
                DiagnosticCodes.YamlSyntax,
                "this is not valid YAML: a key, a colon or a dash is out of place; check quotes, colons and indentation",
                file,
                (int)parser.PreviousStart.Line + lineOffset,
                (int)parser.PreviousStart.Column);
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

    /// <summary>Passes parsing events through, stopping at the first alias or at nesting too deep.</summary>
    private sealed class GuardedParser(IParser inner) : IParser
    {
        private int _depth;

        public ParsingEvent? Current => inner.Current;

        /// <summary>Where the event before the last one read starts.</summary>
        public Mark PreviousStart { get; private set; } = Mark.Empty;

        public bool MoveNext()
        {
            PreviousStart = inner.Current?.Start ?? PreviousStart;
            if (!inner.MoveNext())
            {
                return false;
            }

            switch (inner.Current)
            {
                case AnchorAlias alias:
                    throw new RefusedYamlException(
                        DiagnosticCodes.YamlAlias,
                        $"the alias '*{alias.Value}' repeats a value marked '&{alias.Value}': Broadside does not expand aliases, so write the value out where it is needed",
                        alias.Start);
                case SequenceStart or MappingStart when ++_depth > MaxDepth:
                    throw new RefusedYamlException(
                        DiagnosticCodes.YamlSyntax,
                        $"lists and mappings are nested more than {MaxDepth} deep here: flatten the structure",
                        inner.Current.Start);
                case SequenceEnd or MappingEnd:
                    _depth--;
                    break;
            }

            return true;
        }
    }

    private sealed class RefusedYamlException(string code, string message, Mark start) : Exception(message)
    {
        public string Code { get; } = code;

        public Mark Start { get; } = start;
    }
}
