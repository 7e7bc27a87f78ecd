using System.Buffers;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Broadside.Yaml;

/// <summary>
/// Reads the front matter nearly every article has: <c>key: value</c> lines whose values are text on
/// one line (plain, or in single or double quotes), <c>[a, b]</c> lists of such text, or lists of
/// <c>- item</c> lines. It gives the parsing events YamlDotNet's parser gives for the same text, with
/// the same positions, at a fraction of the cost; for anything else (nested mappings, text over several
/// lines, escapes, anchors, tabs, errors) it declines, and YamlDotNet reads the text as always.
/// </summary>
public static class FlatYaml
{
    // Characters that make the text something this reader leaves to YamlDotNet: line breaks other than
    // '\n', tabs and other control characters, and what YAML does not allow to be written unescaped.
    private static readonly SearchValues<char> Declined = SearchValues.Create(
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000B\u000C\u000D\u000E\u000F"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F"
        + "\u007F\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008A\u008B\u008C\u008D\u008E\u008F"
        + "\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009A\u009B\u009C\u009D\u009E\u009F"
        + "\u2028\u2029\uFEFF\uFFFE\uFFFF");

    // A plain value may not start with an indicator, nor hold what would make it a mapping, a flow
    // collection or a comment; those are left to YamlDotNet.
    private static readonly SearchValues<char> Indicators = SearchValues.Create("-?:,[]{}#&*!|>'\"%@`");
    private static readonly SearchValues<char> FlowCharacters = SearchValues.Create("[]{}");
    private static readonly SearchValues<char> FlowItemStops = SearchValues.Create(",[]{}#:'\"");

    /// <summary>
    /// The parsing events of <paramref name="yaml"/>, from stream start to stream end, or null when the
    /// text is not of the flat form this reader knows.
    /// </summary>
    public static List<ParsingEvent>? TryRead(string yaml)
    {
        if (yaml.AsSpan().ContainsAny(Declined))
        {
            return null;
        }

        var events = new List<ParsingEvent>(48) { new StreamStart(), new DocumentStart() };
        var mappingStarted = false;
        var awaitingList = false;   // after "key:" with nothing after it: a list of "- item" lines must follow
        var listIndent = -1;        // the indent of the "- " of the open list, or -1
        var lineNumber = 0;
        for (var start = 0; start < yaml.Length; start++)
        {
            lineNumber++;
            var end = yaml.IndexOf('\n', start);
            end = end < 0 ? yaml.Length : end;
            var line = yaml.AsSpan(start, end - start);
            var indent = line.Length - line.TrimStart(' ').Length;
            if (indent == line.Length || line[indent] == '#')
            {
                start = end;
                continue;
            }

            if (line[indent] == '-')
            {
                // A list item, belonging to the key before it.
                if (!(awaitingList || listIndent >= 0) || (listIndent >= 0 && indent != listIndent)
                    || line.Length < indent + 2 || line[indent + 1] != ' ')
                {
                    return null;
                }

                if (listIndent < 0)
                {
                    events.Add(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Block, At(start + indent, lineNumber, indent), At(start + indent + 1, lineNumber, indent + 1)));
                    listIndent = indent;
                    awaitingList = false;
                }

                var item = indent + 2;
                while (item < line.Length && line[item] == ' ')
                {
                    item++;
                }

                if (item == line.Length || !Value(start, line, item, lineNumber, flowAllowed: false, events))
                {
                    return null;
                }
            }
            else
            {
                if (indent > 0 || awaitingList)
                {
                    // Text over several lines, a nested mapping, or a key left empty: YamlDotNet's.
                    return null;
                }

                if (listIndent >= 0)
                {
                    events.Add(new SequenceEnd(At(start, lineNumber, 0), At(start, lineNumber, 0)));
                    listIndent = -1;
                }

                var keyLength = KeyLength(line);
                if (keyLength == 0)
                {
                    return null;
                }

                if (!mappingStarted)
                {
                    events.Add(new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Block, At(start, lineNumber, 0), At(start, lineNumber, 0)));
                    mappingStarted = true;
                }

                // Not marked as a key: only YamlDotNet's serializer reads that, and marking one costs a look-up
                // in the runtime's table of interned strings, under a lock every thread shares.
                events.Add(new Scalar(AnchorName.Empty, TagName.Empty, line[..keyLength].ToString(), ScalarStyle.Plain, true, false, At(start, lineNumber, 0), At(start + keyLength, lineNumber, keyLength)));
                var value = keyLength + 1;
                while (value < line.Length && line[value] == ' ')
                {
                    value++;
                }

                if (value == line.Length || line[value] == '#')
                {
                    awaitingList = true;
                }
                else if (!Value(start, line, value, lineNumber, flowAllowed: true, events))
                {
                    return null;
                }
            }

            start = end;
        }

        if (!mappingStarted || awaitingList)
        {
            return null;
        }

        var last = At(yaml.Length, lineNumber + 1, 0);
        if (listIndent >= 0)
        {
            events.Add(new SequenceEnd(last, last));
        }

        events.Add(new MappingEnd(last, last));
        events.Add(new DocumentEnd(true, last, last));
        events.Add(new StreamEnd(last, last));
        return events;
    }

    /// <summary>Gives the events of the list of events <paramref name="events"/> as a parser would.</summary>
    public static IParser Parser(List<ParsingEvent> events) => new EventParser(events);

    // The length of a plain key ending in ':' followed by a space or the end of the line, or 0.
    private static int KeyLength(ReadOnlySpan<char> line)
    {
        var i = 0;
        while (i < line.Length && (char.IsAsciiLetterOrDigit(line[i]) || line[i] == '_' || (i > 0 && line[i] == '-')))
        {
            i++;
        }

        return i > 0 && i < line.Length && line[i] == ':' && (i + 1 == line.Length || line[i + 1] == ' ') ? i : 0;
    }

    // Reads the value at line[at..] to the end of the line, a comment aside, and adds its events.
    private static bool Value(int lineStart, ReadOnlySpan<char> line, int at, int lineNumber, bool flowAllowed, List<ParsingEvent> events)
    {
        if (line[at] == '[')
        {
            return flowAllowed && FlowList(lineStart, line, at, lineNumber, events);
        }

        int next;
        Scalar? scalar;
        if (line[at] is '"' or '\'')
        {
            scalar = Quoted(lineStart, line, at, lineNumber, out next);
        }
        else
        {
            scalar = Plain(lineStart, line, at, lineNumber, out next);
        }

        if (scalar is null || !RestIsComment(line, next))
        {
            return false;
        }

        events.Add(scalar);
        return true;
    }

    // A plain value: to the end of the line or to a comment, trailing spaces left out.
    private static Scalar? Plain(int lineStart, ReadOnlySpan<char> line, int at, int lineNumber, out int next)
    {
        next = line.Length;
        if (Indicators.Contains(line[at]))
        {
            return null;
        }

        var text = line[at..];
        var comment = text.IndexOf(" #", StringComparison.Ordinal);
        if (comment >= 0)
        {
            text = text[..comment];
            next = at + comment;
        }

        text = text.TrimEnd(' ');
        if (text.ContainsAny(FlowCharacters) || text.Contains(": ", StringComparison.Ordinal) || text[^1] == ':')
        {
            return null;
        }

        return new Scalar(AnchorName.Empty, TagName.Empty, text.ToString(), ScalarStyle.Plain, true, false, At(lineStart + at, lineNumber, at), At(lineStart + at + text.Length, lineNumber, at + text.Length));
    }

    // A value in double quotes (with no escape but \" and \\) or single quotes ('' for a quote), on one line.
    private static Scalar? Quoted(int lineStart, ReadOnlySpan<char> line, int at, int lineNumber, out int next)
    {
        var quote = line[at];
        var text = new System.Text.StringBuilder();
        for (var i = at + 1; i < line.Length; i++)
        {
            var c = line[i];
            if (quote == '"' && c == '\\')
            {
                if (i + 1 < line.Length && line[i + 1] is '"' or '\\')
                {
                    text.Append(line[++i]);
                    continue;
                }

                break;
            }

            if (c == quote)
            {
                if (quote == '\'' && i + 1 < line.Length && line[i + 1] == '\'')
                {
                    text.Append('\'');
                    i++;
                    continue;
                }

                next = i + 1;
                var style = quote == '"' ? ScalarStyle.DoubleQuoted : ScalarStyle.SingleQuoted;
                return new Scalar(AnchorName.Empty, TagName.Empty, text.ToString(), style, false, true, At(lineStart + at, lineNumber, at), At(lineStart + next, lineNumber, next));
            }

            text.Append(c);
        }

        next = line.Length;
        return null;
    }

    // [a, "b", 'c'] on one line, each item plain or quoted.
    private static bool FlowList(int lineStart, ReadOnlySpan<char> line, int at, int lineNumber, List<ParsingEvent> events)
    {
        events.Add(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Flow, At(lineStart + at, lineNumber, at), At(lineStart + at + 1, lineNumber, at + 1)));
        var i = SkipSpaces(line, at + 1);
        if (i < line.Length && line[i] == ']')
        {
            return Close(lineStart, line, i, lineNumber, events);
        }

        while (i < line.Length)
        {
            Scalar? item;
            int next;
            if (line[i] is '"' or '\'')
            {
                item = Quoted(lineStart, line, i, lineNumber, out next);
            }
            else
            {
                var length = line[i..].IndexOfAny(FlowItemStops);
                var text = (length < 0 ? line[i..] : line.Slice(i, length)).TrimEnd(' ');
                if (length < 0 || text.IsEmpty || Indicators.Contains(text[0]))
                {
                    return false;
                }

                next = i + text.Length;
                item = new Scalar(AnchorName.Empty, TagName.Empty, text.ToString(), ScalarStyle.Plain, true, false, At(lineStart + i, lineNumber, i), At(lineStart + next, lineNumber, next));
            }

            if (item is null)
            {
                return false;
            }

            events.Add(item);
            i = SkipSpaces(line, next);
            if (i < line.Length && line[i] == ']')
            {
                return Close(lineStart, line, i, lineNumber, events);
            }

            if (i >= line.Length || line[i] != ',')
            {
                return false;
            }

            i = SkipSpaces(line, i + 1);
            if (i < line.Length && line[i] is ']' or ',')
            {
                return false;
            }
        }

        return false;
    }

    private static bool Close(int lineStart, ReadOnlySpan<char> line, int at, int lineNumber, List<ParsingEvent> events)
    {
        events.Add(new SequenceEnd(At(lineStart + at, lineNumber, at), At(lineStart + at + 1, lineNumber, at + 1)));
        return RestIsComment(line, at + 1);
    }

    // Nothing but spaces after a value, or spaces and then a comment.
    private static bool RestIsComment(ReadOnlySpan<char> line, int at)
    {
        var i = SkipSpaces(line, at);
        return i == line.Length || (line[i] == '#' && i > at);
    }

    private static int SkipSpaces(ReadOnlySpan<char> line, int at)
    {
        while (at < line.Length && line[at] == ' ')
        {
            at++;
        }

        return at;
    }

    // YamlDotNet counts lines and columns from 1.
    private static Mark At(int index, int line, int column) => new(index, line, column + 1);

    private sealed class EventParser(List<ParsingEvent> events) : IParser
    {
        private int _next;

        public ParsingEvent? Current { get; private set; }

        public bool MoveNext()
        {
            if (_next == events.Count)
            {
                Current = null;
                return false;
            }

            Current = events[_next++];
            return true;
        }
    }
}
