using System.Buffers;

namespace Broadside.Markdown;

/// <summary>
/// The steps Markdig may take down the chain of marks open in a paragraph so far: each inline it
/// adds (at most two for each ASCII punctuation character, and one for each line's end) walks past
/// every mark opened before it. A mark is a '[' or a run of one emphasis character with something
/// other than a blank on one side at least ('==' and '++' need two); it is counted whether or not
/// Markdig later pairs it, and ']' is not taken to close one.
/// </summary>
internal readonly record struct ParagraphMarks(long Marks, long Steps, long Characters)
{
    // Steps up to this many for each character are what any paragraph takes.
    private const int FreeSteps = 32;

    private static readonly SearchValues<char> Punctuation = SearchValues.Create("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~");

    /// <summary>The steps past those any paragraph of its length takes.</summary>
    public long Excess => Math.Max(Steps - (FreeSteps * Characters), 0);

    /// <summary>The marks and steps with one more line of the paragraph.</summary>
    public ParagraphMarks With(ReadOnlySpan<char> line)
    {
        var (marks, steps) = (Marks, Steps);
        for (var i = line.IndexOfAny(Punctuation); i >= 0; i = line[(i + 1)..].IndexOfAny(Punctuation) is var next and >= 0 ? i + 1 + next : -1)
        {
            var c = line[i];
            if (c == '[')
            {
                marks++;
            }
            else if (c is '*' or '_' or '~' or '^' or '=' or '+' && (i == 0 || line[i - 1] != c))
            {
                var run = line[i..].IndexOfAnyExcept(c) is var length and >= 0 ? length : line.Length - i;
                var touches = (i > 0 && line[i - 1] is not (' ' or '\t')) || (i + run < line.Length && line[i + run] is not (' ' or '\t'));
                if (touches && (run >= 2 || c is not ('=' or '+')))
                {
                    marks++;
                }
            }

            steps += 2 * marks;
        }

        return new ParagraphMarks(marks, steps + (2 * marks), Characters + line.Length + 1);
    }

    /// <summary>
    /// Whether the line surely starts a block of its own, so no paragraph before it goes on: a quote,
    /// a heading, a thematic break, a fence, or a list item with text that may interrupt a paragraph,
    /// its first character within three columns of the margin.
    /// </summary>
    public static bool StartsBlock(ReadOnlySpan<char> line)
    {
        var text = line.TrimStart(' ');
        if (line.Length - text.Length > 3 || text.IsEmpty)
        {
            return false;
        }

        var run = text.IndexOfAnyExcept(text[0]) is var length and >= 0 ? length : text.Length;
        var after = text[run..];
        var item = after.Length > 1 && after[0] is ' ' or '\t' && !after.IsWhiteSpace();
        return text[0] switch
        {
            '>' => true,
            '#' => run <= 6 && (after.IsEmpty || after[0] is ' ' or '\t'),
            '`' => run >= 3 && !after.Contains('`'),
            '~' => run >= 3,
            '-' or '*' or '_' when NestingScan.ThematicBreakStop(text, text[0]) < 0 => true,
            '-' or '*' or '+' => run == 1 && item,
            '1' => run == 1 && after.Length > 2 && after[0] is '.' or ')' && after[1] is ' ' or '\t' && !after[2..].IsWhiteSpace(),
            _ => false,
        };
    }
}
