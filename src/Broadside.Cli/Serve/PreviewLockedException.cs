namespace Broadside.Cli.Serve;

/// <summary>Another process is building the preview of the same input into the same folder.</summary>
internal sealed class PreviewLockedException(string message) : Exception(message);
