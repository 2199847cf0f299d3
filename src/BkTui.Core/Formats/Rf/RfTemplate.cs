using System.Security.Cryptography;
using BkTui.Core.Chips;

namespace BkTui.Core.Formats.Rf;

/// <summary>
/// "Restore RF": the generic calibration sectors GFT writes when a device's own RF sector is lost
/// (flash-formats.md §6.3–6.4). Template A = T/U/BK7252, B = N/M, C = BK7238.
/// </summary>
public static class RfTemplate
{
    /// <summary>
    /// The 4 KiB RF sector for <paramref name="family"/>. With no MAC, the template OUI is kept and the last
    /// three bytes are random (as GFT does); pass the device's MAC (e.g. from its backup) to keep it.
    /// </summary>
    public static byte[] Build(ChipFamily family, MacAddress? mac = null)
    {
        var groups = Groups(family);
        var sector = RfCalibration.Build(groups);
        var chosen = mac ?? RandomTail(DefaultMac(family));
        return RfCalibration.WithMac(sector, chosen);
    }

    /// <summary>The MAC written in the template itself (a placeholder, shared by every device restored with it).</summary>
    public static MacAddress DefaultMac(ChipFamily family) => family switch
    {
        ChipFamily.BK7231N or ChipFamily.BK7231M => new(0x38, 0x1F, 0x8D, 0x38, 0x57, 0x0E),
        ChipFamily.BK7238 => new(0x3C, 0x0B, 0x59, 0, 0, 0),
        ChipFamily.BK7231T or ChipFamily.BK7231U or ChipFamily.BK7252 => new(0x84, 0xE3, 0x42, 0xB2, 0x61, 0xBF),
        _ => throw new ArgumentException($"No RF template for {family}.", nameof(family)),
    };

    /// <summary>OUIs of the templates: a MAC starting with one of them was probably written by "Restore RF".</summary>
    public static IReadOnlyList<(byte, byte, byte)> TemplateOuis { get; } =
        [(0x84, 0xE3, 0x42), (0x38, 0x1F, 0x8D), (0x3C, 0x0B, 0x59), (0x4C, 0xA9, 0x19)];

    /// <summary>
    /// True when the sector is one of the templates (any family) with only its MAC changed: a generic
    /// calibration, not one measured on this board.
    /// </summary>
    public static bool IsGeneric(ReadOnlySpan<byte> sector)
    {
        if (sector.Length != RfCalibration.SectorSize || RfCalibration.TryParse(sector)?.Mac is not { } mac) return false;
        foreach (var family in new[] { ChipFamily.BK7231T, ChipFamily.BK7231N, ChipFamily.BK7238 })
            if (sector.SequenceEqual(Build(family, mac))) return true;
        return false;
    }

    public static bool HasTemplateOui(MacAddress mac) => TemplateOuis.Contains((mac.B0, mac.B1, mac.B2));

    private static MacAddress RandomTail(MacAddress m)
    {
        Span<byte> r = stackalloc byte[3];
        RandomNumberGenerator.Fill(r);
        return m with { B3 = r[0], B4 = r[1], B5 = r[2] };
    }

    private static RfItem I(uint tag, string hex) => new(tag, Convert.FromHexString(hex.Replace(" ", "")));

    private static IReadOnlyList<RfGroup> Groups(ChipFamily family) => family switch
    {
        ChipFamily.BK7231N or ChipFamily.BK7231M => [Group1("381F8D38570E", "5E010000", "0C000000", "55005403", "8000000080000000")],
        ChipFamily.BK7238 => TemplateC(),
        ChipFamily.BK7231T or ChipFamily.BK7231U or ChipFamily.BK7252 => TemplateA(),
        _ => throw new ArgumentException($"No RF template for {family}.", nameof(family)),
    };

    private static RfGroup Group1(string mac, string i3, string i5, string i6, string i7) => new(0x11111100,
    [
        I(0x11111101, "4E61BC00"), I(0x11111102, mac), I(0x11111103, i3), I(0x11111104, "8E155301"),
        I(0x11111105, i5), I(0x11111106, i6), I(0x11111107, i7),
    ]);

    private static IReadOnlyList<RfGroup> TemplateA() =>
    [
        Group1("84E342B261BF", "1D010000", "1B000000", "55005403", "1000000010000000"),
        new(0x22222200,
        [
            I(0x22222201, "0F000000"),
            I(0x22222202, "0F8F8F8E8E8E8D8D8D8C8B8B0A8A"),
            I(0x22222203, "119191908F8F8E8D8D8C8B8A0989"),
            I(0x22222204, "0E8E8E8D8C8C8B8A8A8988870686"),
            I(0x22222205, "02000000"),
            I(0x22222206, "03000000"),
            I(0x22222207, "90909090908F8F8F8F8F8E8E8E8E8E8D8D8D8D0C8C8C8C8C8C8C8C8C8C8C8C8C8C8C8C8C8C8C8C8C"),
            I(0x22222208, "01000000"),
        ]),
        Group3("08000000", "0A000000", "09000000", "03020000", "F8010000", "E8030000", "FF030000", "10000000", "10000000", "00020000", "00020000"),
        new(0x44444400,
        [
            I(0x44444401, "808080807880788070847084608C5894569456945494549455955495559554 95".Replace(" ", "")),
            I(0x44444402, "EE010000"), I(0x44444403, "07000000"),
        ]),
    ];

    private static IReadOnlyList<RfGroup> TemplateC() =>
    [
        Group1("3C0B59000000", "02010000", "34000000", "7204E908", "8000000080000000"),
        new(0x22222200,
        [
            I(0x22222201, "0F000000"),
            I(0x22222202, "48C9C9C9CACA4ACACAC9C9C948C8"),
            I(0x22222203, "53D4D4D4D5D555D5D5D4D4D453D3"),
            I(0x22222205, "04000000"),
            I(0x22222207, "9F9F9F9F9FA0A0A0A0A0A0A0A0A0A0A1A1A1A121A1A1A1A1A1A1A1A1A1A1A0A0A0A0A0A0A0A0A09F"),
            I(0x22222208, "01000000"),
        ], Enumerable.Repeat((byte)0x5A, 34).ToArray()),
        Group3("00000000", "00000000", "00000000", "BC070000", "DA070000", "FF0F0000", "8E0F0000", "5A000000", "58000000", "BB070000", "01080000"),
        new(0x44444400,
        [
            I(0x44444401, "7880788070887484708868885890509850984C984C984C984C984C984C984D99"),
            I(0x44444402, "57030000"), I(0x44444403, "08010000"),
        ]),
    ];

    private static RfGroup Group3(params string[] values) =>
        new(0x33333300, values.Select((v, i) => I(0x33333301 + (uint)i, v)).ToList());
}
