using System.Buffers.Binary;
using BkTui.Core.Chips;
using L = BkTui.Core.Formats.Obk.ObkLayout;

namespace BkTui.Core.Formats.Obk;

/// <summary>A GPIO with a role assigned in the OpenBeken config.</summary>
public sealed record ObkPin(int Gpio, int Role, int Channel, int Channel2);

/// <summary>The decoded OpenBeken config sector (flash-formats.md §8).</summary>
public sealed record ObkConfig
{
    public int Version { get; init; }
    public bool CrcOk { get; init; }
    /// <summary>"beken" (signed CRC-8) or "standard"; which variant matched.</summary>
    public string CrcVariant { get; init; } = "beken";
    public uint Flags { get; init; }
    public uint Flags2 { get; init; }
    public string WifiSsid { get; init; } = "";
    public string WifiPassword { get; init; } = "";
    public string WifiSsid2 { get; init; } = "";
    public string WifiPassword2 { get; init; } = "";
    public string MqttHost { get; init; } = "";
    public int MqttPort { get; init; }
    public string MqttClientId { get; init; } = "";
    public string MqttUser { get; init; } = "";
    public string MqttPassword { get; init; } = "";
    public string MqttGroup { get; init; } = "";
    public string ShortName { get; init; } = "";
    public string LongName { get; init; } = "";
    public string NtpServer { get; init; } = "";
    public string WebAppRoot { get; init; } = "";
    public string StartupCommand { get; init; } = "";
    public IReadOnlyList<ObkPin> Pins { get; init; } = [];

    /// <summary>True when the sector starts with the "CFG" magic.</summary>
    public static bool HasMagic(ReadOnlySpan<byte> b) => b.Length >= 8 && b[..3].SequenceEqual("CFG"u8);

    /// <summary>Decodes a sector; null without the magic or with an implausible version (GFT: ≤ 100).</summary>
    public static ObkConfig? TryParse(ReadOnlySpan<byte> b)
    {
        if (!HasMagic(b)) return null;
        var version = BinaryPrimitives.ReadInt32LittleEndian(b[L.Version..]);
        if (version is < 0 or > 100) return null;
        var len = version <= 3 ? L.LengthV3 : L.LengthV4;
        if (b.Length < len) return null;
        var body = b[4..len];
        var signedOk = ObkCrc8.Compute(body, bekenSigned: true) == b[3];
        var plainOk = !signedOk && ObkCrc8.Compute(body, bekenSigned: false) == b[3];
        var pins = new List<ObkPin>();
        for (var g = 0; g < 32; g++)
            if (b[L.PinRoles + g] != 0)
                pins.Add(new ObkPin(g, b[L.PinRoles + g], b[L.PinChannels + g], b[L.PinChannels2 + g]));
        var all = b[..len].ToArray();
        string S(int off, int size) => off + size <= all.Length ? AsciiField.Read(all.AsSpan(off, size)) : "";
        return new ObkConfig
        {
            Version = version,
            CrcOk = signedOk || plainOk,
            CrcVariant = plainOk ? "standard" : "beken",
            Flags = BinaryPrimitives.ReadUInt32LittleEndian(b[L.Flags0..]),
            Flags2 = BinaryPrimitives.ReadUInt32LittleEndian(b[L.Flags1..]),
            WifiSsid = S(L.WifiSsid, 64),
            WifiPassword = S(L.WifiPassword, 64),
            WifiSsid2 = S(L.WifiSsid2, 64),
            WifiPassword2 = S(L.WifiPassword2, 64),
            MqttHost = S(L.MqttHost, 256),
            MqttPort = BinaryPrimitives.ReadInt32LittleEndian(b[L.MqttPort..]),
            MqttClientId = S(L.MqttClientId, 64),
            MqttUser = S(L.MqttUser, 64),
            MqttPassword = S(L.MqttPassword, 128),
            MqttGroup = S(L.MqttGroup, 64),
            ShortName = S(L.ShortName, 32),
            LongName = S(L.LongName, 64),
            NtpServer = S(L.NtpServer, 32),
            WebAppRoot = S(L.WebAppRoot, 64),
            StartupCommand = S(L.StartupCommand, L.StartupCommandSize),
            Pins = pins,
        };
    }

    /// <summary>Where OpenBeken keeps its config for a family (N/M 0x1D1000, others 0x1E1000), from the chip profile.</summary>
    public static uint? OffsetFor(ChipFamily family) =>
        family == ChipFamily.Unknown ? null : ChipProfiles.For(family).ObkConfigOffset;
}
