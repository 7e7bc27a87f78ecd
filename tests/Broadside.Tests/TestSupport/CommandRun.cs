using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Broadside.Tests.TestSupport;

/// <summary>
/// The <c>broadside</c> command run in a process of its own, in a given working folder. As root, the
/// capabilities that let root read and write any file are dropped first (with <c>setpriv</c>), so that a
/// file made unreadable with <c>chmod 000</c> is unreadable to the build, as it is to anyone else.
/// </summary>
public static partial class CommandRun
{
    /// <summary>The time a run is given before it is taken to hang and killed.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>Runs <c>broadside <paramref name="arguments"/></c> in <paramref name="folder"/>.</summary>
    public static Result Run(string folder, params string[] arguments)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "broadside.dll");
        var start = Environment.IsPrivilegedProcess
            ? new ProcessStartInfo("setpriv", ["--bounding-set=-dac_override,-dac_read_search", "dotnet", dll, .. arguments])
            : new ProcessStartInfo("dotnet", [dll, .. arguments]);
        start.WorkingDirectory = folder;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.Environment["NO_COLOR"] = "1";
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"broadside {string.Join(' ', arguments)} did not finish in {Timeout.TotalSeconds} s");
        }

        return new Result(process.ExitCode, output.Result, error.Result, stopwatch.Elapsed);
    }

    /// <summary>The located lines of <paramref name="text"/> (<c>file(line,column): error BS0002: …</c>) as (file, code, severity).</summary>
    public static (string File, string Code, string Severity)[] Diagnostics(string text) =>
        [.. Located().Matches(text).Select(m => (m.Groups["file"].Value, m.Groups["code"].Value, m.Groups["severity"].Value)).Order()];

    [GeneratedRegex(@"^(?<file>[^\r\n]+?)(?:\(\d+,\d+\))?: (?<severity>error|warning) (?<code>BS\d{4}):", RegexOptions.Multiline)]
    private static partial Regex Located();

    /// <summary>What a run gave.</summary>
    public sealed record Result(int Exit, string Output, string Error, TimeSpan Elapsed);
}
