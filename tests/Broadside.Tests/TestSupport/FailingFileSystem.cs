using Broadside.Output;

namespace Broadside.Tests.TestSupport;

/// <summary>
/// A file system that fails its <c>failAt</c>-th change of the output folder (and, unless <c>once</c>,
/// every one after it) as a full disk does, and counts the changes asked of it.
/// </summary>
public sealed class FailingFileSystem(int failAt, bool once = true) : OutputFileSystem
{
    /// <summary>What the failure says.</summary>
    public const string Message = "No space left on device";

    /// <summary>The changes asked for so far, those that failed included.</summary>
    public int Operations { get; private set; }

    public override void Move(string from, string to)
    {
        Step();
        base.Move(from, to);
    }

    public override void MoveFolder(string from, string to)
    {
        Step();
        base.MoveFolder(from, to);
    }

    public override void Delete(string path)
    {
        Step();
        base.Delete(path);
    }

    public override void CreateFolder(string path)
    {
        Step();
        base.CreateFolder(path);
    }

    public override void DeleteFolder(string path)
    {
        Step();
        base.DeleteFolder(path);
    }

    public override void Write(string path, byte[] bytes)
    {
        Step();
        base.Write(path, bytes);
    }

    private void Step()
    {
        Operations++;
        if (Operations == failAt || (!once && Operations > failAt))
        {
            throw new IOException(Message);
        }
    }
}
