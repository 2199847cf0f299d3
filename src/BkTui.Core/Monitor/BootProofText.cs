namespace BkTui.Core.Monitor;

/// <summary>Turns what was heard into a verdict and one honest sentence (docs/boot-proof.md).</summary>
internal static class BootProofText
{
    public static BootProof Read(BootListener.Tally t, string port, int baud, bool onLogPort, double seconds, string? interrupted)
    {
        var s = t.Summary;
        var verdict = Decide(t);
        var proof = new BootProof
        {
            Verdict = verdict, Port = port, OnLogPort = onLogPort, Baud = baud, Seconds = Math.Round(seconds, 1),
            Bootloader = s.Bootloader, Banners = s.Banners, AppVerifyFailed = t.AppVerifyFailed,
            Firmware = s.Firmware.IsEmpty ? null : string.Join(", ", s.Firmware), Version = s.Version, Mac = s.Mac,
            Lines = s.Lines, Bytes = t.ByteCount, UnreadableBytes = t.Unreadable, Heard = t.Heard.ToList(),
            Interrupted = interrupted, Message = "",
        };
        var message = Describe(proof);
        return proof with { Message = interrupted is null ? message : $"{message} (listening ended early: {interrupted})" };
    }

    private static BootVerdict Decide(BootListener.Tally t)
    {
        var s = t.Summary;
        if (s.Banners >= 2) return BootVerdict.BootLoop;
        if (!s.Firmware.IsEmpty) return BootVerdict.Booted;
        if (t.AppVerifyFailed && s.AppStart is null) return BootVerdict.AppInvalid;
        var readable = t.ByteCount - t.Unreadable;
        if (t.ByteCount == 0 || (s.Lines == 0 && t.Unreadable == 0)) return BootVerdict.Silent;
        if (s.Bootloader is not null || !s.RtThread.IsEmpty || s.AppStart is not null) return BootVerdict.BootloaderOnly;
        // A quarter of noise is far beyond a clean log's (zero) and typical of a baud mismatch.
        if (t.Unreadable * 4 >= t.ByteCount || readable < 8) return BootVerdict.Garbled;
        return BootVerdict.Unrecognised;
    }

    private static string Describe(BootProof p)
    {
        var where = $"{p.Port} at {p.Baud} baud, {p.Seconds:0.0} s";
        var loader = p.Bootloader is null ? "the bootloader" : $"the bootloader ({p.Bootloader})";
        return p.Verdict switch
        {
            BootVerdict.Booted => $"{p.Version ?? p.Firmware} started{MacPart(p)} (heard on {where})",
            BootVerdict.BootLoop => $"boot loop: {loader} started {p.Banners} times in {p.Seconds:0.0} s" +
                                    (p.AppVerifyFailed ? ", saying \"App verify failed\"" : "") +
                                    (p.Firmware is null ? "" : $"; {p.Firmware} began before each reset") +
                                    $" (heard on {where}). The written image does not run on this chip (wrong family, key or a damaged app)",
            BootVerdict.AppInvalid => $"{loader} ran but rejected the app (\"App verify failed\") and nothing started (heard on {where})",
            BootVerdict.BootloaderOnly => $"{loader} ran, but no firmware start-up line followed in {p.Seconds:0.0} s on {p.Port}: " +
                                          (p.OnLogPort ? "the firmware did not start or prints nothing" : "the firmware may log on TX2 only (wire it and pass --log-port), or it did not start"),
            BootVerdict.Garbled => $"{p.Bytes} bytes on {where}, {100 * p.UnreadableBytes / Math.Max(1, p.Bytes)} % unreadable: the log runs at another baud, " +
                                   "or the chip cannot run its bootloader (an erased or wrongly keyed bootloader gives only noise)",
            BootVerdict.Unrecognised => $"{p.Lines} lines on {where}, but no known bootloader or firmware banner; first: \"{p.Heard.FirstOrDefault()}\"",
            BootVerdict.Silent => p.OnLogPort
                ? $"nothing heard on the boot-log port {where}: check the TX2 wire and GND, and that the device has power " +
                  "(a USB-TTL adapter alone may not supply the start-up current)"
                : $"no boot log on {where}: most BK72xx firmware (OpenBeken, LibreTiny, Tuya) logs on TX2, not on the flashing UART. " +
                  "Wire TX2 to a second adapter and pass --log-port, or look for the device's access point; the boot is not proven",
            _ => p.Message,
        };
    }

    private static string MacPart(BootProof p) => p.Mac is null ? ", no MAC printed"
        : p.MacIsPlaceholder ? $", MAC {p.Mac} (a placeholder: the RF calibration is missing, run restore-rf)"
        : $", MAC {p.Mac}";
}
