using System.Globalization;
using System.Text;

namespace Broadside.Output;

/// <summary>
/// The list of files the last successful build produced, kept in the output folder. The next build
/// drops what it listed and no longer produces (a removed article, an unpublished draft), and nothing
/// else: a file Broadside did not write is carried over (<see cref="StagedOutput"/>).
/// </summary>
public static class OutputManifest
{
    /// <summary>The manifest's file name in the output folder.</summary>
    public const string FileName = ".broadside-manifest";

    /// <summary>What the last build recorded of each file it produced; empty when there is no manifest.</summary>
    public static IReadOnlyDictionary<string, OutputRecord> Load(string outputFolder)
    {
        var path = Path.Combine(outputFolder, FileName);
        var records = new Dictionary<string, OutputRecord>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return records;
        }

        foreach (var line in File.ReadLines(path))
        {
            var parts = line.Split('\t');
            if (parts.Length is 4 or 5 && long.TryParse(parts[2], out var length) && long.TryParse(parts[3], out var ticks))
            {
                records[parts[0]] = new OutputRecord(parts[1], length, ticks, parts.Length == 5 ? parts[4] : string.Empty);
            }
            else if (parts.Length >= 1 && parts[0].Length > 0)
            {
                records[parts[0]] = new OutputRecord(string.Empty, -1, 0);
            }
        }

        return records;
    }

    /// <summary>Records <paramref name="produced"/> as the manifest of the site in <paramref name="folder"/>.</summary>
    public static void Write(string folder, IReadOnlyDictionary<string, OutputRecord> produced)
    {
        var text = new StringBuilder();
        foreach (var (relative, record) in produced.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(relative).Append('\t').Append(record.Hash).Append('\t')
                .Append(record.Length.ToString(CultureInfo.InvariantCulture)).Append('\t')
                .Append(record.LastWriteTicks.ToString(CultureInfo.InvariantCulture)).Append('\t')
                .Append(record.Key).Append('\n');
        }

        File.WriteAllText(Path.Combine(folder, FileName), text.ToString());
    }
}
