using System.Text;
using BkTui.Core.Formats.Crypto;
using BkTui.Core.Formats.Rf;

namespace BkTui.Core.Identity;

/// <summary>What an identity key was learned from, strongest first (the order decides which device wins a conflict).</summary>
public enum IdentityEvidence
{
    /// <summary>A real (not placeholder) MAC in the RF calibration sector, read from the chip or a dump.</summary>
    RfMac,
    /// <summary>A MAC the user gave (`--mac`, `dumps attach`), written into the RF sector by Restore RF.</summary>
    UserMac,
    /// <summary>The Tuya device uuid in the dump's encrypted KV storage (gw_bi); unique per device from the factory.</summary>
    TuyaUuid,
    /// <summary>A real MAC the device's original (vendor) firmware printed in its boot log (never OpenBeken's or LibreTiny's).</summary>
    BootLogMac,
}

/// <summary>
/// One piece of identity evidence: "mac:AA:BB:CC:DD:EE:FF" or "tuya:&lt;16 hex&gt;" (the uuid is a
/// secret, so only a hash of it is kept). A device may hold several keys; a key names one device.
/// Placeholder MACs never become a key.
/// </summary>
public sealed record DeviceKey(string Key, IdentityEvidence Evidence)
{
    public const string MacPrefix = "mac:";
    public const string TuyaPrefix = "tuya:";

    /// <summary>The MAC this key names, or null for a non-MAC key.</summary>
    public string? Mac => Key.StartsWith(MacPrefix, StringComparison.Ordinal) ? Key[MacPrefix.Length..] : null;

    /// <summary>What people read: the MAC itself for a MAC key ("38:1F:8D:5A:10:02"), else the key ("tuya:…").</summary>
    public string Shown => Mac ?? Key;

    public override string ToString() => $"{Key} ({EvidenceName(Evidence)})";

    /// <summary>A key for a real MAC; null when the text is not a MAC or is a placeholder.</summary>
    public static DeviceKey? FromMac(string? mac, IdentityEvidence evidence) =>
        MacAddress.TryParse(mac, out var m) && !PlaceholderMac.Is(m) ? new(MacPrefix + Canonical(m), evidence) : null;

    public static DeviceKey FromTuyaUuid(string uuid) =>
        new(TuyaPrefix + Sha256.HexOf(Encoding.UTF8.GetBytes(uuid.Trim()))[..16], IdentityEvidence.TuyaUuid);

    /// <summary>
    /// The key text a user typed to name a device: a MAC (any separator) or "tuya:…". Null for anything
    /// else, including a placeholder MAC (which names no device).
    /// </summary>
    public static string? KeyText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim();
        if (t.StartsWith(TuyaPrefix, StringComparison.OrdinalIgnoreCase)) return TuyaPrefix + t[TuyaPrefix.Length..].ToLowerInvariant();
        if (t.StartsWith(MacPrefix, StringComparison.OrdinalIgnoreCase)) t = t[MacPrefix.Length..];
        return FromMac(t, IdentityEvidence.RfMac)?.Key;
    }

    public static string EvidenceName(IdentityEvidence e) => e switch
    {
        IdentityEvidence.RfMac => "rf-mac",
        IdentityEvidence.UserMac => "user-mac",
        IdentityEvidence.TuyaUuid => "tuya-uuid",
        IdentityEvidence.BootLogMac => "boot-log-mac",
        _ => throw new ArgumentOutOfRangeException(nameof(e)),
    };

    public static IdentityEvidence ParseEvidence(string name) =>
        Enum.GetValues<IdentityEvidence>().FirstOrDefault(e => EvidenceName(e) == name, IdentityEvidence.BootLogMac);

    private static string Canonical(MacAddress m) => m.ToString();
}
