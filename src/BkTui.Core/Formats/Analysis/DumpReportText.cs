using System.Text;

namespace BkTui.Core.Formats.Analysis;

/// <summary>The human-readable form of a report (CLI without --json, TUI detail pane). Secrets go through <see cref="SecretFields"/>.</summary>
public static class DumpReportText
{
    public static string Render(DumpReport r, bool revealSecrets = false, string? title = null)
    {
        string Secret(string? v) => revealSecrets ? v ?? "" : SecretFields.MaskValue(v) ?? "";
        var sb = new StringBuilder();
        void Line(string label, string text) => sb.Append(label.PadRight(12)).AppendLine(text);
        // An empty or blank file has no evidence: print no "()" after its verdict.
        static string Why(IReadOnlyList<string> evidence) => evidence.Count == 0 ? "" : $"  ({string.Join("; ", evidence)})";
        Line("File", $"{title ?? "(input)"}  {r.Size} bytes (0x{r.Size:X}){(r.Partial ? "  PARTIAL" : "")}");
        Line("SHA-256", r.Sha256);
        Line("Chip", $"{r.Chip.Family}{Why(r.Chip.Evidence)}");
        var b = r.Bootloader;
        Line("Bootloader", b.Present
            ? $"{b.NameWithVersion(b.Name ?? "unknown")}  {b.CrcText()}  {(b.Known ? "known" : "NOT in the known list")}"
            : "none found");
        if (r.RotatedBy != 0) Line("Rotated", $"file starts at flash 0x{r.RotatedBy:X} (rotated back for analysis)");
        Line("Key", $"{r.Encryption.Key}{(r.Encryption.Words is { } w ? "  " + string.Join(" ", w) : "")}{Why(r.Encryption.Evidence)}");
        Line("MAC", r.Mac is null ? "none" : $"{r.Mac}  from {r.MacSource}{(r.Rf.MacIsPlaceholder ? "  (placeholder)" : "")}");
        Line("RF", r.Rf.Present ? $"TLV at 0x{r.Rf.Offset:X}, length 0x{r.Rf.Length:X}{(r.Rf.Complete ? "" : ", damaged")}" : "missing");
        foreach (var rbl in r.App.Rbls)
            Line("RBL", $"'{rbl.Name}' version {rbl.Version} at 0x{rbl.Offset:X} ({rbl.Form}, raw 0x{rbl.RawSize:X}){(rbl.PayloadOk is false ? ", payload changed" : "")}");
        foreach (var s in r.App.VersionStrings) Line("Firmware", s);
        if (r.Tuya is { } t)
        {
            Line("Tuya KV", $"at 0x{t.Offset:X}-0x{t.End:X}, {t.Keys.Count} keys: {string.Join(", ", t.Keys.Select(k => k.Name))}");
            Line("Tuya", $"module {t.Module ?? "?"}, platform {t.Platform ?? "?"}, firmware {t.FirmwareVersion ?? "?"}, storage key {Secret(t.DeviceKey)}");
            foreach (var p in t.Pins) Line("  pin", $"P{p.Pin,-3} {p.Role,-22} ({p.Key})");
        }
        if (r.Obk is { } o)
        {
            Line("OpenBeken", $"config v{o.Version} at 0x{o.Offset:X}, CRC {(o.CrcOk ? "ok" : "BAD")}, name {o.ShortName}");
            Line("  Wi-Fi", $"SSID \"{o.WifiSsid}\", password {Secret(o.WifiPassword)}");
            if (o.MqttHost.Length > 0) Line("  MQTT", $"{o.MqttUser}@{o.MqttHost}:{o.MqttPort}, password {Secret(o.MqttPassword)}");
            foreach (var p in o.Pins) Line("  pin", $"P{p.Gpio,-3} role {p.Role}, channel {p.Channel}");
        }
        sb.AppendLine();
        if (r.Partitions.Count > 0) sb.AppendLine($"{"START",-10}{"END",-10}{"SIZE",-10}{"NAME",-21}EVIDENCE"); // the rows' widths: 0x + 6 digits + 2 spaces
        foreach (var p in r.Partitions)
            sb.AppendLine($"0x{p.Start:X6}  0x{p.Start + p.Size - 1:X6}  0x{p.Size:X6}  {p.Name,-20} {p.Evidence}");
        if (r.Partitions.Count > 0) sb.AppendLine();
        Line("Quality", r.Quality.Grade + (r.Quality.Problems.Count == 0 ? "  (no problems)" : ""));
        foreach (var p in r.Quality.Problems) Line($"  {p.Severity}", p.Message);
        foreach (var a in r.Advice) Line("Advice", a);
        return sb.ToString();
    }
}
