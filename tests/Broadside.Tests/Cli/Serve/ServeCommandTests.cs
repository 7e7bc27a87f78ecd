using System.CommandLine;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Broadside.Cli;
using Broadside.Cli.Commands;
using Broadside.Output;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Cli.Serve;

/// <summary><c>broadside serve</c> as a user runs it: options, a busy port, and stopping.</summary>
public sealed partial class ServeCommandTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();
    private readonly string _input;

    public ServeCommandTests()
    {
        _input = _folder.Combine("input");
        TemporaryFolder.CopyFolder(RepositoryPaths.Input, _input);
    }

    [Fact]
    public async Task Help_lists_the_serve_command_and_its_options()
    {
        var root = await Run("--help");
        var serve = await Run("serve", "--help");

        Assert.Matches(@"(?m)^\s+serve\b", root.Output);
        Assert.All(
            new[] { "--input", "--theme", "--port", "--host", "--no-drafts" },
            option => Assert.Contains(option, serve.Output, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--port", "70000")]
    [InlineData("--host", "not-an-address")]
    public async Task A_bad_port_or_host_is_a_usage_error(string option, string value)
    {
        var run = await Run("serve", "--input", _input, option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(value, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_port_in_use_is_a_one_line_error_with_exit_code_1()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port;

        var run = await Run("serve", "--input", _input, "--theme", RepositoryPaths.Theme, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"{port}", line, StringComparison.Ordinal);
        Assert.Contains("already in use", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Output + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_preview_of_the_same_input_is_a_one_line_error_naming_the_first()
    {
        using var first = OutputLock.TryAcquire(ServeCommand.OutputFolderFor(_input), "broadside serve", TimeSpan.Zero, out _);
        Assert.NotNull(first);

        var run = await Run("serve", "--input", _input, "--theme", RepositoryPaths.Theme, "--port", "0");

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"Cannot serve: the preview of {_input} is already being built, by broadside serve (process {Environment.ProcessId}, ", line, StringComparison.Ordinal);
        Assert.EndsWith("use that preview, or stop it first.", line.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_builds_into_a_private_folder_and_stops_cleanly_when_cancelled()
    {
        var output = new LogWriter();
        var error = new LogWriter();
        using var stop = new CancellationTokenSource();
        var parsed = CommandLine.Create(output, error).Parse(["serve", "--input", _input, "--theme", RepositoryPaths.Theme, "--port", "0"]);
        var running = parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = null }, stop.Token);

        var clock = Stopwatch.StartNew();
        Match serving;
        while (!(serving = ServingLine().Match(output.ToString())).Success)
        {
            Assert.False(running.IsCompleted, $"serve ended early:\n{output}\n{error}");
            Assert.True(clock.Elapsed < PreviewSite.Patience, $"serve did not start:\n{output}\n{error}");
            await Task.Delay(50);
        }

        using (var client = new HttpClient { Timeout = PreviewSite.Patience })
        {
            var home = await client.GetStringAsync(serving.Groups["url"].Value);
            Assert.Contains("live.js", home, StringComparison.Ordinal);
        }

        Assert.True(File.Exists(Path.Combine(ServeCommand.OutputFolderFor(_input), "index.html")), "The site was not built into the private folder.");
        Assert.False(Directory.Exists(_folder.Combine("output")), "serve wrote into ./output.");

        await stop.CancelAsync();
        var exitCode = await running.WaitAsync(PreviewSite.Patience);

        Assert.Equal(0, exitCode);
        Assert.Contains("Stopped.", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", output.ToString() + error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output.ToString() + error, StringComparison.Ordinal);
        using var afterwards = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => afterwards.ConnectAsync(new Uri(serving.Groups["url"].Value).Host, new Uri(serving.Groups["url"].Value).Port));
    }

    public void Dispose()
    {
        var preview = ServeCommand.OutputFolderFor(_input);
        if (Directory.Exists(preview))
        {
            Directory.Delete(preview, recursive: true);
        }

        _folder.Dispose();
    }

    private static async Task<(int ExitCode, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CommandLine.RunAsync(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    [GeneratedRegex(@"Serving (?<url>http://\S+/)")]
    private static partial Regex ServingLine();
}
