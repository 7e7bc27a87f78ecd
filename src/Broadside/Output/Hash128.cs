using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Broadside.Output;

/// <summary>
/// A 128-bit hash: the keys, fingerprints and content hashes of a build. It holds the value
/// <see cref="XxHash128"/> gives as a <see cref="UInt128"/>, laid out as one in memory (low half first),
/// so that a key made of keys hashes the same bytes; its sum and its text are those of the number.
/// </summary>
/// <remarks>
/// Its own type, not <see cref="UInt128"/>: .NET 10's ReadyToRun compiler leaves out every method that
/// touches a <see cref="UInt128"/>, or an object with one among its fields (an article, a view), and the
/// runtime then compiles each of them while the build runs (<c>build -v</c> counts them).
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public readonly struct Hash128 : IEquatable<Hash128>
{
    /// <summary>The low 64 bits.</summary>
    public readonly ulong Low;

    /// <summary>The high 64 bits.</summary>
    public readonly ulong High;

    /// <summary>The hash whose high and low 64 bits are given.</summary>
    public Hash128(ulong high, ulong low)
    {
        High = high;
        Low = low;
    }

    /// <summary>Zero, which no content hashes to in practice: a key not yet known.</summary>
    public static Hash128 Zero => default;

    /// <summary>The XXH128 hash of <paramref name="bytes"/>.</summary>
    public static Hash128 Of(ReadOnlySpan<byte> bytes)
    {
        Span<byte> hash = stackalloc byte[16];
        XxHash128.Hash(bytes, hash);
        return FromBigEndian(hash);
    }

    /// <summary>The hash of what has been appended to <paramref name="hash"/>.</summary>
    public static Hash128 Of(XxHash128 hash)
    {
        Span<byte> bytes = stackalloc byte[16];
        hash.GetCurrentHash(bytes);
        return FromBigEndian(bytes);
    }

    /// <summary>The hash written as 16 bytes, high half first, each half big-endian (as <see cref="XxHash128"/> writes one).</summary>
    public static Hash128 FromBigEndian(ReadOnlySpan<byte> bytes) =>
        new(BinaryPrimitives.ReadUInt64BigEndian(bytes), BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]));

    /// <summary>A number below 2^64 as a hash, as it converts to a <see cref="UInt128"/>.</summary>
    public static implicit operator Hash128(ulong value) => new(0, value);

    /// <summary>The sum of two hashes, modulo 2^128: a key of many that does not depend on their order.</summary>
    public static Hash128 operator +(Hash128 left, Hash128 right)
    {
        var low = left.Low + right.Low;
        return new Hash128(left.High + right.High + (low < left.Low ? 1UL : 0UL), low);
    }

    /// <summary>The bitwise exclusive or of two hashes.</summary>
    public static Hash128 operator ^(Hash128 left, Hash128 right) => new(left.High ^ right.High, left.Low ^ right.Low);

    /// <summary>True when the two are the same hash.</summary>
    public static bool operator ==(Hash128 left, Hash128 right) => left.Equals(right);

    /// <summary>True when the two are different hashes.</summary>
    public static bool operator !=(Hash128 left, Hash128 right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(Hash128 other) => Low == other.Low && High == other.High;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Hash128 other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => (Low ^ High).GetHashCode();

    /// <summary>Reads a hash <see cref="WriteTo"/> wrote.</summary>
    public static Hash128 ReadFrom(BinaryReader reader)
    {
        var high = reader.ReadUInt64();
        return new Hash128(high, reader.ReadUInt64());
    }

    /// <summary>Writes the hash as the saved state and the caches keep it: the high half, then the low, each as <see cref="BinaryWriter"/> writes a <see cref="ulong"/>.</summary>
    public void WriteTo(BinaryWriter writer)
    {
        writer.Write(High);
        writer.Write(Low);
    }

    /// <summary>The hash as 32 lower-case hexadecimal digits, as the number's <c>x32</c> format writes it.</summary>
    public override string ToString() => string.Create(32, this, static (chars, hash) =>
    {
        hash.High.TryFormat(chars, out _, "x16", System.Globalization.CultureInfo.InvariantCulture);
        hash.Low.TryFormat(chars[16..], out _, "x16", System.Globalization.CultureInfo.InvariantCulture);
    });
}
