using BkTui.Core.Chips;
using BkTui.Core.Formats.Rf;

namespace BkTui.Core.Formats.Synthesis;

/// <summary>What a synthetic flash image should contain. Defaults give a realistic Tuya device of the family.</summary>
public sealed record FlashImageSpec
{
    public required ChipFamily Family { get; init; }
    /// <summary>Code key; default = the family's usual key (Tuya for T/N, zero for the others).</summary>
    public EfuseKey? Key { get; init; }
    /// <summary>Default = the family's default flash size.</summary>
    public int? FlashSize { get; init; }
    /// <summary>Forge the first bytes so the bootloader CRC-32 matches the family's known bootloader.</summary>
    public bool KnownBootloader { get; init; } = true;
    public bool IncludeRf { get; init; } = true;
    /// <summary>MAC in the RF sector; default = a fixed per-family MAC (not a placeholder).</summary>
    public MacAddress? Mac { get; init; }
    public bool IncludeTuyaKv { get; init; } = true;
    public string TuyaModule { get; init; } = "";
    /// <summary>Tuya pin keys (e.g. rl1_pin → 6); default = a plug (relay, button, LED).</summary>
    public IReadOnlyDictionary<string, int>? TuyaPins { get; init; }
    public string TuyaFirmwareVersion { get; init; } = "1.1.7";
    public string WifiSsid { get; init; } = "bench-wifi";
    public string WifiPassword { get; init; } = "bench-secret-42";
    /// <summary>Write an OpenBeken config sector with these Wi-Fi credentials.</summary>
    public bool IncludeObkConfig { get; init; }
    /// <summary>Size of the app payload (random code after a real vector table and banner).</summary>
    public int AppPayloadSize { get; init; } = 0x20000;
    public string AppBanner { get; init; } = "< TUYA IOT SDK V:2.3.1 BS:40.00_PT:2.2_LAN:3.3_CAD:1.0.3_CD:1.0.0 >";
    public int Seed { get; init; } = 1;
}
