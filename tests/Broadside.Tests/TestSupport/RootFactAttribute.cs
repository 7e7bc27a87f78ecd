namespace Broadside.Tests.TestSupport;

/// <summary>A fact that only root can set up (a device made with <c>mknod</c>): skipped, saying so, for anyone else. CI runs as root.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    /// <summary>Marks a fact that needs root.</summary>
    public RootFactAttribute()
    {
        if (!Environment.IsPrivilegedProcess)
        {
            Skip = "only root can make a device file (mknod); run the tests as root, as CI does";
        }
    }
}
