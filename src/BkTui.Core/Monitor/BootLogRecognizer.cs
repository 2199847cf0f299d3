using System.Text.RegularExpressions;

namespace BkTui.Core.Monitor;

/// <summary>
/// Recognises bootloader and firmware banners in a BK72xx UART log at 115200 (the lines the seeds
/// show a BK7231M / BL2028N printing; OpenBeken's, LibreTiny's, ESPHome's and the Tuya SDK's start-up
/// lines). Pure: one line in, the facts it carries out.
/// </summary>
public static partial class BootLogRecognizer
{
    public static IReadOnlyList<BootFact> Recognise(string rawLine)
    {
        // Logs pasted from web pages carry no-break spaces; a UART never sends them.
        // ESPHome colours its lines with ANSI escapes.
        var line = AnsiRx().Replace(rawLine.Replace('\u00a0', ' '), "").Trim();
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
        FirmwareBanners(line, Add);
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

    /// <summary>Start-up lines naming the firmware and its version.</summary>
    private static void FirmwareBanners(string line, Action<BootFactKind, string> add)
    {
        void Named(string name, string? version)
        {
            add(BootFactKind.Firmware, name);
            if (version is not null) add(BootFactKind.Version, $"{name} {version}");
        }
        // OpenBeken's Main_Init prints "OpenBK7231N, version 1.18.21" before its first Info:MAIN line.
        if (ObkVersionRx().Match(line) is { Success: true } obk) Named("OpenBeken", obk.Groups[2].Value);
        if (LibreTinyRx().Match(line) is { Success: true } lt) Named("LibreTiny", lt.Groups[1].Value);
        if (line.Contains("Running through setup()", StringComparison.Ordinal)) Named("ESPHome", null);
        if (EsphomeVersionRx().Match(line) is { Success: true } esp) Named("ESPHome", esp.Groups[1].Value);
        if (TuyaSdkRx().Match(line) is { Success: true } tuya) Named("Tuya IoT SDK", tuya.Groups[1].Value);
    }

    /// <summary>"c8:47:8c: 0: 0: 1" (the SDK pads with spaces) → "C8:47:8C:00:00:01" (the case every other MAC is shown in); null if not six bytes.</summary>
    public static string? NormaliseMac(string text)
    {
        var parts = text.Split(':', '-');
        if (parts.Length != 6) return null;
        var bytes = new List<string>();
        foreach (var p in parts)
        {
            var t = p.Trim();
            if (t.Length is 0 or > 2 || !t.All(Uri.IsHexDigit)) return null;
            bytes.Add(t.PadLeft(2, '0').ToUpperInvariant());
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
    [GeneratedRegex(@"(?:^mac |^Device MAC: |MAC Address: )([0-9a-fA-F: ]{11,17})\s*$")] private static partial Regex MacRx();
    [GeneratedRegex(@"^(OpenBK\w*|OpenBeken\w*), version (\S+)")] private static partial Regex ObkVersionRx();
    [GeneratedRegex(@"LibreTiny v(\d[\w.\-+]*)")] private static partial Regex LibreTinyRx();
    [GeneratedRegex(@"ESPHome version (\d[\w.\-+]*)")] private static partial Regex EsphomeVersionRx();
    [GeneratedRegex(@"\x1b\[[0-9;]*m")] private static partial Regex AnsiRx();
    [GeneratedRegex(@"< TUYA IOT SDK V:(\S+)")] private static partial Regex TuyaSdkRx();
}
