using System.Globalization;
using System.Text.Unicode;
using Broadside.Diagnostics;

namespace Broadside.Content;

/// <summary>
/// Reads the publication's text files (articles, pages, site.yml, data files) with the checks every one
/// of them needs: a regular file (never a pipe or a device, which are not opened), not too large, not
/// binary, UTF-8, and not a link that leads out of the input folder.
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

            var status = FileProbe.Of(path, followLinks: true);
            if (status.IsSpecial)
            {
                ReportSpecial(display, status, diagnostics);
                return null;
            }

            if (status.Kind == FileKind.LinkLoop)
            {
                diagnostics.Error(DiagnosticCodes.LinkLoop, "this symbolic link leads round a loop of links, and never reaches a file: delete it, or point it at the file it is meant for", display);
                return null;
            }

            var length = status.Length;
            if (length > MaxBytes)
            {
                diagnostics.Error(
                    DiagnosticCodes.FileTooLarge,
                    TooLarge(length, MaxBytes, "a text file") + ": split it, and keep images and data in media/",
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
            ReportUnreadable(display, ex, diagnostics, folder: false);
            return null;
        }
    }

    /// <summary>Reports a file or folder the system would not let the build read.</summary>
    /// <param name="display">The file or folder as diagnostics show it.</param>
    /// <param name="exception">What the system said.</param>
    /// <param name="diagnostics">Where to report.</param>
    /// <param name="folder">True for a folder, which must be listed as well as read.</param>
    public static void ReportUnreadable(string display, Exception exception, DiagnosticBag diagnostics, bool folder) =>
        diagnostics.Error(
            DiagnosticCodes.FileUnreadable,
            exception switch
            {
                UnauthorizedAccessException when folder => "cannot read the folder: permission denied; make it readable (chmod -R a+rX on it), or move it out of the folder",
                UnauthorizedAccessException => "cannot read the file: permission denied; make it readable (chmod a+r on it), or move it out of the folder",
                FileNotFoundException or DirectoryNotFoundException => $"cannot read the {(folder ? "folder" : "file")}: it was removed while the build ran; build again",
                _ => $"cannot read the {(folder ? "folder" : "file")}: {exception.Message}",
            },
            display);

    /// <summary>Reports a named pipe, socket or device where a file was expected (<paramref name="link"/>: at the end of a symbolic link): it is not opened.</summary>
    public static void ReportSpecial(string display, FileStatus status, DiagnosticBag diagnostics, bool link = false) =>
        diagnostics.Error(
            DiagnosticCodes.SpecialFile,
            $"{(link ? "this symbolic link leads to" : "this is")} {status.Description}, not a file: Broadside reads and copies regular files only, and does not open it; delete it, or move it out of the folder",
            display);

    /// <summary>Says that a file of <paramref name="length"/> bytes is over the <paramref name="limit"/> that <paramref name="kind"/> (<c>a text file</c>) may have.</summary>
    public static string TooLarge(long length, long limit, string kind) =>
        string.Create(CultureInfo.InvariantCulture, $"the file is {length / (1024.0 * 1024.0):F1} MB, more than the {limit / (1024 * 1024)} MB {kind} may have");

    /// <summary>Reports a file or folder that is a link to <paramref name="target"/>, outside the input folder.</summary>
    public static void ReportOutside(string display, string target, DiagnosticBag diagnostics) =>
        diagnostics.Error(
            DiagnosticCodes.LinkOutsideInput,
            $"this is a symbolic link to '{target}', outside the input folder: Broadside follows no link out of it, so copy what it needs into the input folder",
            display);
}
