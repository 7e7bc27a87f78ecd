using System.Globalization;
using System.Text.Unicode;
using Broadside.Diagnostics;

namespace Broadside.Content;

/// <summary>
/// Reads the publication's text files (articles, pages, site.yml, data files) with the checks every one
/// of them needs: not too large, not binary, UTF-8, and not a link that leads out of the input folder.
/// </summary>
public static class TextFile
{
    /// <summary>The largest text file read: 10 MiB, some 1.5 million words.</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>
    /// The bytes of the file at <paramref name="path"/> (<paramref name="display"/> in messages), or
    /// null after reporting why it cannot be used.
    /// </summary>
    /// <param name="path">The file on disk.</param>
    /// <param name="display">The file as diagnostics show it.</param>
    /// <param name="diagnostics">Where to report.</param>
    /// <param name="root">When given, the folder the file must really be in, whatever links lead to it.</param>
    public static byte[]? Read(string path, string display, DiagnosticBag diagnostics, string? root = null)
    {
        try
        {
            if (root is not null && InputPaths.Outside(path, InputPaths.Real(root)) is { } target)
            {
                ReportOutside(display, target, diagnostics);
                return null;
            }

            var length = new FileInfo(path).Length;
            if (length > MaxBytes)
            {
                diagnostics.Error(
                    DiagnosticCodes.FileTooLarge,
                    string.Create(CultureInfo.InvariantCulture, $"the file is {length / (1024.0 * 1024.0):F1} MB, more than the {MaxBytes / (1024 * 1024)} MB a text file may have: split it, and keep images and data in media/"),
                    display);
                return null;
            }

            var bytes = File.ReadAllBytes(path);
            if (bytes.AsSpan().Contains((byte)0))
            {
                diagnostics.Error(
                    DiagnosticCodes.FileUnreadable,
                    "the file is binary, not text (an image or a document saved under a text name?): keep images and documents in media/ and link to them",
                    display);
                return null;
            }

            if (!Utf8.IsValid(bytes))
            {
                diagnostics.Error(DiagnosticCodes.FileUnreadable, "the file is not UTF-8 text: save it as UTF-8 in your editor", display);
                return null;
            }

            return bytes;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticCodes.FileUnreadable, $"cannot read the file: {ex.Message}", display);
            return null;
        }
    }

    /// <summary>Reports a file or folder that is a link to <paramref name="target"/>, outside the input folder.</summary>
    public static void ReportOutside(string display, string target, DiagnosticBag diagnostics) =>
        diagnostics.Error(
            DiagnosticCodes.LinkOutsideInput,
            $"this is a symbolic link to '{target}', outside the input folder: Broadside follows no link out of it, so copy what it needs into the input folder",
            display);
}
