using System.Collections.Frozen;
using System.Text;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace Broadside.Templates;

/// <summary>
/// Serves the theme's partials to Fluid's <c>render</c> and <c>include</c> tags from memory, so a
/// render never touches the disk and a partial is read once per build.
/// </summary>
internal sealed class PartialFileProvider(IReadOnlyDictionary<string, string> partials) : IFileProvider
{
    private static readonly DateTimeOffset Loaded = DateTimeOffset.UnixEpoch;
    private readonly FrozenDictionary<string, string> _partials = partials.ToFrozenDictionary(StringComparer.Ordinal);

    public IFileInfo GetFileInfo(string subpath)
    {
        var name = subpath.Replace('\\', '/').TrimStart('/');
        return _partials.TryGetValue(name, out var text) ? new MemoryFile(name, text) : new NotFoundFileInfo(name);
    }

    public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    private sealed class MemoryFile(string name, string text) : IFileInfo
    {
        private readonly byte[] _bytes = Encoding.UTF8.GetBytes(text);

        public bool Exists => true;

        public long Length => _bytes.Length;

        public string? PhysicalPath => null;

        public string Name => name;

        public DateTimeOffset LastModified => Loaded;

        public bool IsDirectory => false;

        public Stream CreateReadStream() => new MemoryStream(_bytes, writable: false);
    }
}
