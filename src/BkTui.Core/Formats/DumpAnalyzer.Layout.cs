using BkTui.Core.Chips;
using BkTui.Core.Formats.Analysis;
using BkTui.Core.Formats.Obk;
using BkTui.Core.Formats.Rbl;
using BkTui.Core.Formats.Rf;

namespace BkTui.Core.Formats;

public static partial class DumpAnalyzer
{
    private const int Sector = 4096;

    private static long? ExpectedRf(ChipFamily f) => f == ChipFamily.Unknown ? null : ChipProfiles.For(f).RfOffset;
    private static long? ExpectedObk(ChipFamily f) => f == ChipFamily.Unknown ? null : ChipProfiles.For(f).ObkConfigOffset;

    private static (RfInfo Rf, MacAddress? Mac, string? Source) Rf(DataFacts data, ChipFamily family, bool fullImage)
    {
        var expected = ExpectedRf(family);
        var hit = data.RfSectors.FirstOrDefault(s => s.Offset == expected);
        if (hit.Rf is null) hit = data.RfSectors.FirstOrDefault(s => s.Rf.Mac is { } m && !m.IsAllFF);
        if (hit.Rf is null) hit = data.RfSectors.FirstOrDefault();
        if (hit.Rf is null)
            return (new RfInfo
            {
                Present = false,
                ExpectedOffset = expected,
                Advice = !fullImage ? null : family == ChipFamily.Unknown
                    ? "No RF calibration sector (TLV) found. Use Restore RF with the template for the chip family."
                    : $"No RF calibration sector (TLV) found. Use Restore RF ({family} template at 0x{expected:X}); the MAC will then come from the template.",
            }, null, null);
        var mac = hit.Rf.Mac;
        var placeholder = mac is null || PlaceholderMac.Is(mac.Value);
        string? advice = null;
        if (expected is not null && hit.Offset != expected)
            advice = $"The RF sector is at 0x{hit.Offset:X}, but {family} firmware reads it at 0x{expected:X}: copy it there (Restore RF from this backup).";
        else if (placeholder)
            advice = "The RF MAC is a placeholder: restore the RF sector from this device's own backup if you have one, otherwise Restore RF.";
        else if (!hit.Rf.Complete)
            advice = "The RF sector is damaged (TLV lengths do not add up): restore it from a good backup.";
        return (new RfInfo
        {
            Present = true,
            Offset = hit.Offset,
            Length = hit.Rf.TotalLength,
            Complete = hit.Rf.Complete,
            MacIsPlaceholder = placeholder,
            ExpectedOffset = expected,
            Advice = advice,
        }, mac, mac is null ? null : $"rf-calibration@0x{hit.Offset:X}");
    }

    private static (long Offset, ObkConfig Config)? PickObk(DataFacts data, ChipFamily family)
    {
        if (data.ObkConfigs.Count == 0) return null;
        var expected = ExpectedObk(family);
        var hit = data.ObkConfigs.FirstOrDefault(c => c.Offset == expected);
        return hit.Config is not null ? hit : data.ObkConfigs[0];
    }

    private static IReadOnlyList<PartitionInfo> Partitions(byte[] d, CodeFacts code, DataFacts data, ChipFamily family, RfInfo rf)
    {
        var parts = new List<PartitionInfo>();
        var fal = code.Fal;
        var falNote = code.FalLogicalOffset >= 0 ? $"FAL table in the bootloader (logical 0x{code.FalLogicalOffset:X})" : "";
        foreach (var e in fal)
        {
            var name = e.Name == "download" ? "download" : e.Name;
            var space = e.IsCrcSpace ? $"logical 0x{e.Offset:X}+0x{e.Length:X}, CRC-16 blocks" : "raw";
            if (e.PhysicalStart < d.Length)
                parts.Add(new PartitionInfo(name, e.PhysicalStart, Math.Min(e.PhysicalLength, d.Length - e.PhysicalStart), $"{falNote}: '{e.Name}' on {e.Device} ({space})"));
        }
        if (!fal.Any(e => e.Name == "bootloader") && code.BootPresent)
            parts.Add(new PartitionInfo("bootloader", 0, Math.Min(0x11000, d.Length), "valid CRC-16 blocks from 0 (no FAL table found)"));
        if (!fal.Any(e => e.Name == "app") && code.AppPresent)
            parts.Add(new PartitionInfo("app", 0x11000, code.AppEnd - 0x11000, "valid CRC-16 blocks from 0x11000 (standard app start)"));
        if (rf.Present && rf.Offset is { } rfo)
            parts.Add(new PartitionInfo("rf-calibration", rfo, Sector, $"\"TLV\" magic, length 0x{rf.Length:X}"));
        foreach (var (off, cal) in data.RfSectors)
            if (off != rf.Offset)
                parts.Add(new PartitionInfo("rf-calibration-copy", off, Sector, $"another \"TLV\" sector, length 0x{cal.TotalLength:X}"));
        foreach (var (off, cfg) in data.ObkConfigs)
            parts.Add(new PartitionInfo("obk-config", off, Sector, $"\"CFG\" magic, version {cfg.Version}, CRC-8 {(cfg.CrcOk ? "ok" : "bad")}"));
        if (data.Tuya is { } t)
        {
            foreach (var p in t.ProtectedBlocks)
                parts.Add(new PartitionInfo("tuya-protected", p, Sector, "Tuya key-block magic with a different checksum (backup copies of gw_bi/gw_wsm)"));
            parts.Add(new PartitionInfo("tuya-kv", t.KeyBlockOffset, t.End - t.KeyBlockOffset,
                $"AES key block (magic 0x13579753) and {t.Blocks.Count} data blocks"));
        }
        AddUnknownData(parts, d);
        return parts.OrderBy(p => p.Start).ThenByDescending(p => p.Size).ToList();
    }

    /// <summary>Non-erased sectors no rule explains, merged into ranges (vendor data, logs).</summary>
    private static void AddUnknownData(List<PartitionInfo> parts, byte[] d)
    {
        long? start = null;
        var known = parts.ToList();
        for (long s = 0; s <= d.Length; s += Sector)
        {
            var used = s + Sector <= d.Length && !known.Any(p => s + Sector > p.Start && s < p.Start + p.Size)
                && d.AsSpan((int)s, Sector).IndexOfAnyExcept((byte)0xFF) >= 0;
            if (used) start ??= s;
            else if (start is { } st)
            {
                parts.Add(new PartitionInfo("unknown-data", st, s - st, "non-erased sectors not interpreted by any rule (vendor data, logs)"));
                start = null;
            }
        }
    }

    private static void Grade(QualityGrader q, CodeFacts code, BootloaderInfo boot, EncryptionInfo enc, RfInfo rf,
        IReadOnlyList<RblInfo> rbls, DataFacts data, bool fullImage)
    {
        if (fullImage && !code.BootPresent)
            q.Add("no-bootloader", QualityGrader.Error, "No bootloader: the first block at 0x0 has no valid CRC-16.");
        else if (code.BootPresent && !boot.Known)
            q.Add("unknown-bootloader", QualityGrader.Warning, $"Bootloader CRC-32 {boot.Crc32} is not in the known list{(boot.Text is null ? "" : $" (text \"{boot.Text}\")")}.");
        if (fullImage && !code.AppPresent)
            q.Add("no-app", QualityGrader.Error, "No application: the block at 0x11000 has no valid CRC-16.");
        var bootBad = code.BootPresent ? code.BootBlocks.Bad : 0;
        var bad = bootBad + (code.AppPresent ? code.AppBlocks.Bad : 0);
        if (bad > 0)
        {
            var first = bootBad > 0 ? code.BootBlocks.FirstBad : code.AppBlocks.FirstBad + 0x11000u;
            q.Add("bad-crc16-blocks", QualityGrader.Error, $"{bad} code block(s) have a bad CRC-16 (first at 0x{first:X}): the dump is damaged or misread there.");
        }
        if (code.BootKey is not null && code.AppKey is not null && code.BootKey != code.AppKey)
            q.Add("key-mismatch", QualityGrader.Error, $"The bootloader uses the {code.BootKey} key but the app the {code.AppKey} key: this app cannot run on this chip.");
        if (enc.Key == "other")
            q.Add("unknown-key", QualityGrader.Warning, "The code is encrypted with a key other than Tuya or all-zero.");
        if (fullImage && !rf.Present)
            q.Add("rf-missing", QualityGrader.Warning, "No RF calibration sector: the device will run with a fallback MAC and weak Wi-Fi.");
        else if (rf.Present && rf.MacIsPlaceholder)
            q.Add("rf-placeholder-mac", QualityGrader.Warning, "The RF sector holds a placeholder MAC.");
        else if (rf.Present && !rf.Complete)
            q.Add("rf-damaged", QualityGrader.Warning, "The RF calibration TLV lengths are inconsistent.");
        foreach (var r in rbls.Where(r => r.PayloadOk == false))
            q.Add("rbl-payload-mismatch", QualityGrader.Info, $"RBL '{r.Name}' at 0x{r.Offset:X} does not match its payload (the partition was rewritten without a new header, e.g. by a UART flash).");
        foreach (var (off, cfg) in data.ObkConfigs.Where(c => !c.Config.CrcOk))
            q.Add("obk-config-crc", QualityGrader.Warning, $"OpenBeken config at 0x{off:X} has a bad CRC-8: the firmware will ignore it.");
        if (data.Tuya is { } t && t.Entries.Any(e => !e.ChecksumOk))
            q.Add("tuya-kv-checksum", QualityGrader.Warning, $"Tuya KV value(s) with bad checksum: {string.Join(", ", t.Entries.Where(e => !e.ChecksumOk).Select(e => e.Name))}.");
    }

    private static IReadOnlyList<string> Advice(DumpReport r, ChipFamily family)
    {
        var advice = new List<string>();
        if (r.RotatedBy != 0) advice.Add("This dump is rotated; analyse it, but do not write it back as is.");
        if (r.Encryption.Key == "zero" && family is ChipFamily.BK7231N or ChipFamily.BK7231M)
            advice.Add("All-zero key: flash the BK7231M (zero-key) OpenBeken build, or convert a Tuya-key build: `bktui image convert FILE --to-key zero --out FILE_zerokey.bin`. Keep the factory bootloader.");
        if (r.Encryption.Key == "tuya")
            advice.Add("Tuya key: standard OpenBeken builds for this chip run as they are.");
        if (r.Rf.Advice is { } rfAdvice) advice.Add(rfAdvice);
        if (r.Tuya?.Module is { } m) advice.Add($"Tuya module {m}: {r.Tuya.Pins.Count} pin(s) listed in tuya.pins for the OpenBeken configuration.");
        if (r.Quality.Problems.Any(p => p.Code == "bad-crc16-blocks")) advice.Add("Read the device again before relying on this dump.");
        return advice;
    }
}
