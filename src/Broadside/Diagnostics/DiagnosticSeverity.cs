namespace Broadside.Diagnostics;

/// <summary>How serious a diagnostic is: errors stop the build before anything is written.</summary>
public enum DiagnosticSeverity
{
    Warning,
    Error,
}
