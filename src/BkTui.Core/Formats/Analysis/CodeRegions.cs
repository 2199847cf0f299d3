using System.Text;
using System.Text.RegularExpressions;
using BkTui.Core.Chips;
using BkTui.Core.Formats.Crc16;
using BkTui.Core.Formats.Crypto;
using BkTui.Core.Formats.Rbl;

namespace BkTui.Core.Formats.Analysis;

/// <summary>What the bootloader and app partitions of a (normalised) dump contain.</summary>
internal sealed record CodeFacts
{
    public bool BootPresent { get; init; }
    public BlockCounts BootBlocks { get; init; }
    public string? BootKey { get; init; }
    public string? BootText { get; init; }
    public bool ArmAnomalyInClear { get; init; }
    public bool BekenMarker { get; init; }
    public uint BootCrc256 { get; init; }
    public uint BootCrc257 { get; init; }
    public IReadOnlyList<FalEntry> Fal { get; init; } = [];
    public int FalLogicalOffset { get; init; } = -1;
    public bool AppPresent { get; init; }
    public long AppEnd { get; init; }
    public BlockCounts AppBlocks { get; init; }
    public string? AppKey { get; init; }
    public IReadOnlyList<string> AppStrings { get; init; } = [];
    public bool OpenBeken { get; init; }
}

/// <summary>Reads the code partitions: CRC-16 health, key probe, FAL table, identifying strings.</summary>
internal static partial class CodeRegions
{
    private const int BootEnd = 0x11000;
    private const int AppStart = 0x11000;
    private const uint DefaultAppEnd = 0x129F70;

    public static CodeFacts Read(byte[] d)
    {
        var bootLen = Math.Min(BootEnd, d.Length);
        var bootPhys = d.AsSpan(0, bootLen);
        var bootPresent = bootLen >= CrcBlocks.BlockSize && CrcBlocks.Classify(bootPhys) == BlockState.Valid;
        var bootBlocks = CrcBlocks.Count(bootPhys);
        var facts = new CodeFacts
        {
            BootPresent = bootPresent,
            BootBlocks = bootBlocks,
            BootCrc256 = d.Length >= 256 ? BekenCrc32.Standard(d.AsSpan(0, 256)) : 0,
            BootCrc257 = d.Length >= 257 ? BekenCrc32.Standard(d.AsSpan(0, 257)) : 0,
            BekenMarker = d.Length >= 0x118 && d.AsSpan(0x110, 8).SequenceEqual("BK7231\0\0"u8),
        };
        if (bootPresent)
        {
            var logical = CrcBlocks.ToLogical(bootPhys);
            var key = KeyProbe.Identify(logical, 0);
            var fal = FalTable.Find(logical, out var falAt);
            var anomaly = logical.AsSpan().IndexOf("[ARM ANOMALY]"u8) >= 0;
            if (key is not null) new CodeCipher(key.Value.Key).Apply(logical, 0);
            facts = facts with
            {
                BootKey = key?.Name ?? (anomaly ? "zero" : null),
                ArmAnomalyInClear = anomaly,
                Fal = fal,
                FalLogicalOffset = falAt,
                BootText = key is null && !anomaly ? null : BootVersion(logical),
            };
        }

        var appEntry = facts.Fal.FirstOrDefault(e => e.Name == "app" && e.IsCrcSpace);
        var appEnd = Math.Min(d.Length, appEntry is not null ? appEntry.PhysicalStart + appEntry.PhysicalLength : DefaultAppEnd);
        if (d.Length < AppStart + CrcBlocks.BlockSize || appEnd <= AppStart) return facts with { AppEnd = AppStart };
        var appPhys = d.AsSpan(AppStart, (int)(appEnd - AppStart));
        var appPresent = CrcBlocks.Classify(appPhys) == BlockState.Valid;
        facts = facts with { AppPresent = appPresent, AppEnd = appEnd, AppBlocks = CrcBlocks.Count(appPhys) };
        if (!appPresent) return facts;
        var appLogical = CrcBlocks.ToLogical(appPhys);
        var appKey = KeyProbe.Identify(appLogical, CodeImage.AppLogical);
        if (appKey is null) return facts;
        new CodeCipher(appKey.Value.Key).Apply(appLogical, CodeImage.AppLogical);
        var strings = AppVersionStrings(appLogical);
        return facts with
        {
            AppKey = appKey.Value.Name,
            AppStrings = strings,
            OpenBeken = appLogical.AsSpan().IndexOf("OpenBK"u8) >= 0 || appLogical.AsSpan().IndexOf("OpenBeken"u8) >= 0,
        };
    }

    /// <summary>"BK7231N_1.0.1", "BK7231S_1.0.5", "BK7231n_1.0.11"-style text in a decrypted bootloader.</summary>
    private static string? BootVersion(byte[] plain)
    {
        var m = BootVersionRegex().Match(Encoding.Latin1.GetString(plain));
        return m.Success ? m.Value : null;
    }

    /// <summary>Firmware banners in the decrypted app: the Tuya SDK banner and OpenBeken build strings. Bounded to 8.</summary>
    private static IReadOnlyList<string> AppVersionStrings(byte[] plain)
    {
        var found = new List<string>();
        foreach (var marker in new[] { "< TUYA IOT SDK"u8.ToArray(), "OpenBK7"u8.ToArray(), "OpenBeken"u8.ToArray(), "Build on"u8.ToArray() })
        {
            var pos = 0;
            for (var n = 0; n < 3 && pos < plain.Length; n++)
            {
                var idx = plain.AsSpan(pos).IndexOf(marker);
                if (idx < 0) break;
                var at = pos + idx;
                var s = AsciiRun(plain, at);
                if (s.Length >= 6 && !found.Contains(s) && found.Count < 8) found.Add(s);
                pos = at + marker.Length;
            }
        }
        return found;
    }

    private static string AsciiRun(byte[] b, int at)
    {
        var end = at;
        while (end < b.Length && end - at < 120 && b[end] is >= 0x20 and < 0x7F) end++;
        return Encoding.ASCII.GetString(b, at, end - at).Trim();
    }

    [GeneratedRegex(@"BK72[0-9]{2}[A-Za-z]{0,2}_[0-9]+\.[0-9]+\.[0-9]+")]
    private static partial Regex BootVersionRegex();
}
