namespace Broadside.Diagnostics;

/// <summary>
/// How serious a diagnostic is: errors stop the build before anything is written; notes say what the
/// build decided for the editor (a topic it gave a demand), and are shown by <c>check --verbose</c>.
/// </summary>
public enum DiagnosticSeverity
{
    Warning,
    Error,
    Note,
}
