using System.Text;
using System.Text.RegularExpressions;
using BkTui.Core.Formats.Rf;
using BkTui.Core.Formats.TuyaKv;

namespace BkTui.Core.Identity;

/// <summary>
/// The identity evidence a flash dump carries by itself, strongest first: a real MAC in an RF
/// calibration sector, then the Tuya device uuid. (No anchor documents a FlashDB <c>fac_data</c>
/// layout and no sample dump holds one, so vendor factory partitions are not read: docs/identity.md.)
/// </summary>
public static partial class DumpIdentity
{
    public static IReadOnlyList<DeviceKey> Of(ReadOnlySpan<byte> dump)
    {
        var keys = new List<DeviceKey>();
        if (RealRfMac(dump) is { } mac && DeviceKey.FromMac(mac.ToString(), IdentityEvidence.RfMac) is { } k) keys.Add(k);
        if (TuyaUuid(dump) is { } uuid) keys.Add(DeviceKey.FromTuyaUuid(uuid));
        return keys;
    }

    /// <summary>The first RF sector (4 KiB aligned, TLV) whose MAC is not a placeholder.</summary>
    public static MacAddress? RealRfMac(ReadOnlySpan<byte> dump)
    {
        for (var at = 0; at + RfCalibration.SectorSize <= dump.Length; at += RfCalibration.SectorSize)
        {
            var sector = dump.Slice(at, RfCalibration.SectorSize);
            if (RfCalibration.HasMagic(sector) && RfCalibration.TryParse(sector)?.Mac is { } m && !PlaceholderMac.Is(m)) return m;
        }
        return null;
    }

    /// <summary>The uuid in the Tuya KV key gw_bi (base info), when the storage decodes.</summary>
    public static string? TuyaUuid(ReadOnlySpan<byte> dump)
    {
        TuyaKvStore? store;
        try { store = TuyaKvReader.TryRead(dump); }
        catch (ArgumentException) { return null; } // damaged storage: no evidence, never a crash
        if (store?.Get("gw_bi") is not { } bi) return null;
        var match = UuidRx().Match(Encoding.ASCII.GetString(bi.Value));
        return match.Success && match.Groups[1].Value.Length >= 8 ? match.Groups[1].Value : null;
    }

    // JSON or Tuya "loose JSON": uuid:"abc…" or uuid:abc…
    [GeneratedRegex("(?:^|[{,\\s])\"?uuid\"?\\s*:\\s*\"?([A-Za-z0-9]+)")] private static partial Regex UuidRx();
}
