using System.Text.RegularExpressions;

namespace BkTui.Core.Monitor;

/// <summary>
/// Recognises bootloader and firmware banners in a BK72xx UART log at 115200 (the lines the seeds
/// show a BK7231M / BL2028N printing). Pure: one line in, the facts it carries out.
/// </summary>
public static partial class BootLogRecognizer
{
    public static IReadOnlyList<BootFact> Recognise(string rawLine)
    {
        // Logs pasted from web pages carry no-break spaces; a UART never sends them.
        var line = rawLine.Replace('\u00a0', ' ').Trim();
        var facts = new List<BootFact>();
        if (line.Length == 0) return facts;
        void Add(BootFactKind k, string v) => facts.Add(new BootFact(k, v, line));

        if (BannerRx().Match(line) is { Success: true } b) Add(BootFactKind.Bootloader, b.Value);
        if (line.StartsWith("[I/FAL]", StringComparison.Ordinal) && FalRx().Match(line) is { Success: true } fal)
            Add(BootFactKind.RtThread, "RT-Thread FAL " + fal.Groups["v"].Value);
        if (line.StartsWith("[I/OTA]", StringComparison.Ordinal) && OtaRx().Match(line) is { Success: true } ota)
            Add(BootFactKind.RtThread, "RT-Thread OTA " + ota.Groups[1].Value);
        if (line.Contains("App verify failed", StringComparison.Ordinal) || line.Contains("no firmware to boot", StringComparison.Ordinal))
            Add(BootFactKind.AppInvalid, "the bootloader found no valid app");
        if (GoRx().Match(line) is { Success: true } go) Add(BootFactKind.AppStart, "app at " + go.Groups[1].Value);
        if (line.StartsWith("Info:MAIN:", StringComparison.Ordinal) || line.StartsWith("Info:CFG:", StringComparison.Ordinal))
            Add(BootFactKind.Firmware, "OpenBeken");
        if (SdkRx().Match(line) is { Success: true } sdk) Add(BootFactKind.Firmware, "Beken SDK " + sdk.Groups[1].Value);
        if (VesyncRx().Match(line) is { Success: true } ves) Add(BootFactKind.Firmware, "VeSync SDK " + ves.Groups[1].Value);
        if (FlashRx().Match(line) is { Success: true } fl) Add(BootFactKind.FlashId, "0x" + fl.Groups[1].Value.ToLowerInvariant());
        if (ChipRx().Match(line) is { Success: true } chip)
            Add(BootFactKind.ChipId, $"chip {chip.Groups[1].Value}, device 0x{chip.Groups[2].Value.ToLowerInvariant()}");
        if (MacRx().Match(line) is { Success: true } mac && NormaliseMac(mac.Groups[1].Value) is { } m) Add(BootFactKind.Mac, m);
        if (line.Contains("lfs is absent", StringComparison.Ordinal)) Add(BootFactKind.Warning, "no LittleFS (autoexec.bat cannot load)");
        if (line.Contains("TCPIP mutex is NOT locked", StringComparison.Ordinal)) Add(BootFactKind.Warning, "TCPIP mutex warning (harmless on OBK)");
        return facts;
    }

    /// <summary>"c8:47:8c: 0: 0: 1" (the SDK pads with spaces) → "c8:47:8c:00:00:01"; null if not six bytes.</summary>
    public static string? NormaliseMac(string text)
    {
        var parts = text.Split(':', '-');
        if (parts.Length != 6) return null;
        var bytes = new List<string>();
        foreach (var p in parts)
        {
            var t = p.Trim();
            if (t.Length is 0 or > 2 || !t.All(Uri.IsHexDigit)) return null;
            bytes.Add(t.PadLeft(2, '0').ToLowerInvariant());
        }
        return string.Join(':', bytes);
    }

    // The N/M boot ROM prints e.g. "BK7231n_1.0.11"; T prints "BK7231S_1.0.5".
    [GeneratedRegex(@"^BK72\d\d[A-Za-z]?_\d+\.\d+\.\d+$")] private static partial Regex BannerRx();
    [GeneratedRegex(@"Fal\((?<v>V[\d.]+)\)|Flash Abstraction Layer \((?<v>V[\d.]+)\)")] private static partial Regex FalRx();
    [GeneratedRegex(@"RT-Thread OTA package\((V[\d.]+)\)")] private static partial Regex OtaRx();
    [GeneratedRegex(@"^go os_addr\((0x[0-9a-fA-F]+)\)")] private static partial Regex GoRx();
    [GeneratedRegex(@"^SDK Rev: (\S+)")] private static partial Regex SdkRx();
    [GeneratedRegex(@"Vesync SDK version: (\S+)")] private static partial Regex VesyncRx();
    [GeneratedRegex(@"^\[Flash\]id:0x([0-9a-fA-F]{6})")] private static partial Regex FlashRx();
    [GeneratedRegex(@"chip id=([0-9a-fA-F]+) device id=([0-9a-fA-F]+)")] private static partial Regex ChipRx();
    [GeneratedRegex(@"^(?:mac |Device MAC: )([0-9a-fA-F: ]{11,17})\s*$")] private static partial Regex MacRx();
}
