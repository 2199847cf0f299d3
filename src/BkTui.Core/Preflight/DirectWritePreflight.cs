using BkTui.Core.Archive;
using BkTui.Core.Chips;
using BkTui.Core.Flashing;
using BkTui.Core.Formats.Rf;
using BkTui.Core.Identity;

namespace BkTui.Core.Preflight;

/// <summary>
/// What <c>bktui write</c> and <c>bktui erase</c> pass before a byte is changed, the same rules as the
/// recipes (docs/flashing.md): the chip's RF calibration is not replaced by another device's nor changed
/// without a named consent, and a verified whole dump of this device is in the archive first (taken now
/// when there is none). Returns that dump: places a damaged address hits outside the range are put back from it.
/// </summary>
public static class DirectWritePreflight
{
    public static FlashBackup? BeforeWrite(ChipSession session, string archiveRoot, uint address, ReadOnlySpan<byte> data,
        DirectWriteConsent consent, Action<string> say, CancellationToken cancel)
    {
        var info = session.Info;
        GuardRf(info.Profile, info.Mac, session.Port, address, data, consent, (at, expected) => session.Verify(at, expected, cancel), say);
        return FactoryDumpFirst(session, archiveRoot, "write", consent, say, cancel);
    }

    /// <summary>Whether the chip holds <paramref name="expected"/> at <paramref name="at"/> now (a CRC or a read).</summary>
    public delegate bool SameOnChip(uint at, ReadOnlySpan<byte> expected);

    /// <summary>
    /// The RF rules of every raw write (<c>bktui write</c>, <c>run custom --write</c>): another device's
    /// calibration needs --allow-other-device-rf, a change to this chip's own needs --allow-rf-overwrite.
    /// </summary>
    public static void GuardRf(ChipProfile profile, string? chipMac, string port, uint address, ReadOnlySpan<byte> data,
        DirectWriteConsent consent, SameOnChip sameOnChip, Action<string> say)
    {
        if (OtherDeviceRf.In(profile, chipMac, data, address) is { } theirs)
        {
            if (!consent.AllowOtherDeviceRf)
                throw new GuardRefusedException(port, profile.RfOffset,
                    $"the file contains the RF calibration of another device (MAC {theirs}); writing it would replace this chip's own calibration and MAC {chipMac}. " +
                    "Nothing was written. Use a firmware (QIO/UA) file, or `bktui run restore-factory` with a dump of this device; " +
                    "to put that device's calibration on this chip anyway, pass --allow-other-device-rf.");
            say($"overridden: the file carries the RF calibration of another device (MAC {theirs}) — --allow-other-device-rf");
        }
        else if (RfOverlap(profile, address, (uint)data.Length) is { } rf
                 && !sameOnChip(rf.Start, data.Slice((int)(rf.Start - address), (int)rf.Length)))
        {
            RequireRfConsent(consent.AllowRfChange, port, rf.Start, "--allow-rf-overwrite",
                $"the write would change this chip's RF calibration at 0x{rf.Start:X6} (its MAC and radio tuning). Nothing was written.", say);
        }
    }

    public static FlashBackup? BeforeErase(ChipSession session, string archiveRoot, uint start, uint length,
        DirectWriteConsent consent, Action<string> say, CancellationToken cancel)
    {
        if (RfOverlap(session.Profile, start, length) is { } rf)
        {
            RequireRfConsent(consent.AllowRfChange, session.Port, rf.Start, "--allow-rf-erase",
                $"0x{rf.Start:X6}..0x{rf.Start + rf.Length:X6} holds this chip's RF calibration (its MAC and radio tuning); erased, the device " +
                "reports a placeholder MAC and its radio is untuned. Nothing was erased.", say);
        }
        return FactoryDumpFirst(session, archiveRoot, "erase", consent, say, cancel);
    }

    private static void RequireRfConsent(bool given, string port, uint at, string flag, string refusal, Action<string> say)
    {
        if (!given) throw new GuardRefusedException(port, at, $"{refusal} Pass {flag} to really do this (a factory dump is taken first).");
        say($"overridden: this chip's RF calibration at 0x{at:X6} changes — {flag}");
    }

    /// <summary>The part of [start, start+length) inside the family's RF calibration sector, or null.</summary>
    public static (uint Start, uint Length)? RfOverlap(ChipProfile profile, uint start, uint length)
    {
        var from = Math.Max(start, profile.RfOffset);
        var to = Math.Min((ulong)start + length, (ulong)profile.RfOffset + RfCalibration.SectorSize);
        return profile.RfOffset > 0 && from < to ? (from, (uint)(to - from)) : null;
    }

    /// <summary>
    /// Nothing is changed on a device the archive holds no verified whole dump of: one is read (every
    /// sector proven by the chip's CRC) and archived first. An unidentified chip (placeholder MAC) gets
    /// a fresh dump every time, since no archived dump can be proven its own (docs/identity.md).
    /// </summary>
    private static FlashBackup? FactoryDumpFirst(ChipSession session, string root, string verb, DirectWriteConsent consent, Action<string> say, CancellationToken cancel)
    {
        var info = session.Info;
        var key = DeviceKey.FromMac(info.Mac, IdentityEvidence.RfMac);
        if (consent.NoBackup && !Directory.Exists(root))
        {
            say($"--no-backup: no factory dump taken and no archive at {root}; a place a damaged address hits cannot be put back");
            return null;
        }
        using var archive = DumpArchive.Open(root);
        if (key is not null && archive.NewestChipReadDump(key.Key, info.FlashSize) is { } d)
        {
            say($"factory dump: dump #{d.Id} of {key.Key}, read from a chip, is archived");
            return new FlashBackup(d.Bytes, $"dump #{d.Id}");
        }
        if (consent.NoBackup)
        {
            say($"--no-backup: the archive holds no whole dump of {key?.Key ?? $"this unidentified chip (placeholder MAC {info.Mac})"} and none is taken");
            return null;
        }
        say(key is null
            ? $"the chip is unidentified (placeholder MAC {info.Mac ?? "unread"}): taking a full dump before the {verb} (its own bytes may identify it)"
            : $"no whole dump of {key.Key} in the archive: taking one before the {verb}");
        var image = session.Read(0, info.FlashSize, null, cancel);
        var r = archive.Import(image, DumpSource.FromPort(session.Port), new ImportOptions
        {
            Label = $"factory dump before {verb}", Device = ChipObservations.Of(info, Serial.AdapterKey.For(session.Port), session.AskedBaud),
        });
        say($"factory dump: archived as dump #{r.DumpId} in {archive.Root}");
        return new FlashBackup(image, $"dump #{r.DumpId}");
    }
}
