using System.Globalization;
using BkTui.Core.Yaml;

namespace BkTui.Core.Flashing;

/// <summary>One SPI flash part: size and how to clear its block protection (protocol.md §11).</summary>
public sealed record FlashPart(uint Mid, string Name, string Vendor, uint Size, int SrBytes, IReadOnlyList<byte> SrRead, byte? SrWrite, ushort ProtectMask)
{
    /// <summary>Parts with more than one SR byte get the 16-bit write (SR2 high), as GFT does even for 3-byte parts.</summary>
    public bool SixteenBitWrite => SrBytes > 1;
}

/// <summary>Loads <c>profiles/flash-parts.yaml</c> (embedded) once.</summary>
public static class FlashParts
{
    private static readonly Lazy<IReadOnlyList<FlashPart>> Parts = new(Load);

    public static IReadOnlyList<FlashPart> All => Parts.Value;

    public static FlashPart? Find(uint mid) => All.FirstOrDefault(p => p.Mid == mid);

    /// <summary>Flash size from the JEDEC capacity byte (BKT rule: 1 &lt;&lt; m2), or null when implausible.</summary>
    public static uint? SizeFromMid(uint mid)
    {
        var cap = (int)(mid >> 16) & 0xFF;
        return cap is >= 0x10 and <= 0x1A ? 1u << cap : null;
    }

    private static IReadOnlyList<FlashPart> Load()
    {
        var raw = ProfileYaml.Load<RawFile>("profiles/flash-parts.yaml", new CoreYamlContext());
        return raw.Parts.Select(p => new FlashPart(Hex(p.Mid), p.Name, p.Vendor, Hex(p.Size), p.SrBytes,
            p.SrRead.Select(s => (byte)Hex(s)).ToList(), p.SrWrite is null or "null" ? null : (byte)Hex(p.SrWrite), (ushort)Hex(p.ProtectMask))).ToList();
    }

    private static uint Hex(string s) => s.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
        ? uint.Parse(s.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture)
        : uint.Parse(s, CultureInfo.InvariantCulture);

    internal sealed class RawFile { public List<RawPart> Parts { get; set; } = []; }

    internal sealed class RawPart
    {
        public string Mid { get; set; } = "0";
        public string Name { get; set; } = "";
        public string Vendor { get; set; } = "";
        public string Size { get; set; } = "0";
        public int SrBytes { get; set; }
        public List<string> SrRead { get; set; } = [];
        public string? SrWrite { get; set; }
        public string ProtectMask { get; set; } = "0";
    }
}
