namespace Broadside.Output;

/// <summary>
/// The operations that change the published folder when a build's files move in
/// (<see cref="StagedOutput.Commit"/>), in one place, so that a test can make any of them fail and see
/// the site put back as it was.
/// </summary>
public class OutputFileSystem
{
    /// <summary>The machine's own file system.</summary>
    public static OutputFileSystem Physical { get; } = new();

    /// <summary>Renames the file <paramref name="from"/> to <paramref name="to"/>, replacing a file there.</summary>
    public virtual void Move(string from, string to) => File.Move(from, to, overwrite: true);

    /// <summary>Renames the folder <paramref name="from"/> to <paramref name="to"/>, where nothing is.</summary>
    public virtual void MoveFolder(string from, string to) => Directory.Move(from, to);

    /// <summary>Deletes the file <paramref name="path"/>.</summary>
    public virtual void Delete(string path) => File.Delete(path);

    /// <summary>Makes the folder <paramref name="path"/>, whose parent exists.</summary>
    public virtual void CreateFolder(string path) => Directory.CreateDirectory(path);

    /// <summary>Removes the empty folder <paramref name="path"/>.</summary>
    public virtual void DeleteFolder(string path) => Directory.Delete(path);

    /// <summary>Writes <paramref name="bytes"/> as the file <paramref name="path"/>.</summary>
    public virtual void Write(string path, byte[] bytes) => File.WriteAllBytes(path, bytes);
}
