using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;
using Broadside.Output;

namespace Broadside.Tests.Output;

/// <summary>
/// A <see cref="Hash128"/> is the number <see cref="XxHash128"/> gives as a <see cref="UInt128"/>: the same
/// value, bytes, text and sum, so keys, fingerprints and the files named after them are what they were
/// when the build used the number.
/// </summary>
public sealed class Hash128Tests
{
    public static TheoryData<string> Texts => ["", "a", "articles/2026/rent-strike.md", new string('✊', 1000)];

    [Theory]
    [MemberData(nameof(Texts))]
    public void A_hash_of_bytes_is_the_number_XxHash128_gives(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var number = XxHash128.HashToUInt128(bytes);

        var hash = Hash128.Of(bytes);

        Assert.Equal((ulong)(number >> 64), hash.High);
        Assert.Equal((ulong)number, hash.Low);
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void A_hash_of_what_was_appended_is_the_number_XxHash128_gives(string text)
    {
        var running = new XxHash128();
        running.Append(Encoding.UTF8.GetBytes(text));
        running.Append([1, 2, 3]);

        Assert.Equal(Of(running.GetCurrentHashAsUInt128()), Hash128.Of(running));
    }

    [Fact]
    public void It_lies_in_memory_as_the_number_does_so_a_key_of_keys_hashes_the_same_bytes()
    {
        var number = new UInt128(0x0123_4567_89ab_cdef, 0xfedc_ba98_7654_3210);
        var hash = Of(number);

        Assert.Equal(16, Marshal.SizeOf<Hash128>());
        Assert.Equal(MemoryMarshal.AsBytes(new ReadOnlySpan<UInt128>(in number)).ToArray(), MemoryMarshal.AsBytes(new ReadOnlySpan<Hash128>(in hash)).ToArray());
    }

    [Theory]
    [InlineData(0UL, 0UL, 0UL, 0UL)]
    [InlineData(0UL, ulong.MaxValue, 0UL, 1UL)]
    [InlineData(ulong.MaxValue, ulong.MaxValue, 0UL, 1UL)]
    [InlineData(0x8000_0000_0000_0000UL, 0x8000_0000_0000_0000UL, 0x8000_0000_0000_0000UL, 0x8000_0000_0000_0001UL)]
    [InlineData(12UL, 0xdead_beef_dead_beefUL, 34UL, 0xffff_0000_ffff_0000UL)]
    public void Sums_and_exclusive_ors_are_the_numbers(ulong highA, ulong lowA, ulong highB, ulong lowB)
    {
        var (a, b) = (new UInt128(highA, lowA), new UInt128(highB, lowB));

        Assert.Equal(Of(a + b), Of(a) + Of(b));
        Assert.Equal(Of(a ^ b), Of(a) ^ Of(b));
    }

    [Theory]
    [InlineData(0UL, 0UL)]
    [InlineData(0UL, 255UL)]
    [InlineData(0x0123_4567_89ab_cdefUL, 0xfedc_ba98_7654_3210UL)]
    [InlineData(ulong.MaxValue, ulong.MaxValue)]
    public void Its_text_is_the_numbers_32_hexadecimal_digits(ulong high, ulong low)
    {
        Assert.Equal(new UInt128(high, low).ToString("x32", System.Globalization.CultureInfo.InvariantCulture), new Hash128(high, low).ToString());
    }

    [Theory]
    [InlineData(0UL, 0UL)]
    [InlineData(0x0123_4567_89ab_cdefUL, 0xfedc_ba98_7654_3210UL)]
    [InlineData(ulong.MaxValue, 1UL)]
    public void It_is_written_as_the_state_and_caches_keep_it_high_half_first_and_read_back(ulong high, ulong low)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            new Hash128(high, low).WriteTo(writer);
        }

        // Two little-endian ulongs, the high one first: the layout of every state and cache file written so far.
        Assert.Equal([.. BitConverter.GetBytes(high), .. BitConverter.GetBytes(low)], stream.ToArray());
        stream.Position = 0;
        using var reader = new BinaryReader(stream);
        Assert.Equal(new Hash128(high, low), Hash128.ReadFrom(reader));
    }

    [Fact]
    public void Equal_hashes_are_equal_and_others_are_not()
    {
        var one = new Hash128(1, 2);

        Assert.True(one == new Hash128(1, 2));
        Assert.Equal(one.GetHashCode(), new Hash128(1, 2).GetHashCode());
        Assert.True(one != new Hash128(2, 1));
        Assert.False(one.Equals(new Hash128(1, 3)));
        Assert.Equal(new Hash128(0, 7), (Hash128)7UL);
        Assert.Equal(default, Hash128.Zero);
    }

    private static Hash128 Of(UInt128 number) => new((ulong)(number >> 64), (ulong)number);
}
