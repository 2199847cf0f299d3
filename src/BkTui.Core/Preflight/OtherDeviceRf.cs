using BkTui.Core.Chips;
using BkTui.Core.Formats.Rf;

namespace BkTui.Core.Preflight;

/// <summary>
/// A whole dump of another device carries that device's RF calibration and MAC: writing it would
/// silently replace this chip's own. Shared by the flash recipe and <c>bktui write</c>.
/// </summary>
public static class OtherDeviceRf
{
    /// <summary>The MAC in the RF calibration that <paramref name="data"/> (written at <paramref name="address"/>) would put on a chip reporting <paramref name="chipMac"/>, when it is another one; else null.</summary>
    public static MacAddress? In(ChipProfile profile, string? chipMac, ReadOnlySpan<byte> data, uint address)
    {
        if (chipMac is null || Carried(profile, data, address) is not { } theirs) return null;
        return MacAddress.TryParse(chipMac, out var mine) && theirs != mine ? theirs : null;
    }

    /// <summary>The MAC of the RF calibration <paramref name="data"/> (written at <paramref name="address"/>) carries whole, or null (no RF sector in it).</summary>
    public static MacAddress? Carried(ChipProfile profile, ReadOnlySpan<byte> data, uint address)
    {
        var rf = profile.RfOffset;
        if (rf < address || rf + (ulong)RfCalibration.SectorSize > address + (ulong)data.Length) return null;
        var sector = data.Slice((int)(rf - address), RfCalibration.SectorSize);
        return RfCalibration.HasMagic(sector) ? MacAddress.FromBytes(sector.Slice(RfCalibration.MacOffset, 6)) : null;
    }
}
