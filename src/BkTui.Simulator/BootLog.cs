using BkTui.Core.Chips;
using BkTui.Core.Formats.Rf;

namespace BkTui.Simulator;

/// <summary>
/// What the chip prints at 115200 when it boots from flash (<see cref="BootImage"/> decides how far it
/// gets): the bootloader banner (with the RT-Thread loader's FAL/OTA lines on BK7231M, as in
/// seeds/bk7231m-zero-key-flashing.txt), then the firmware's own start-up lines — OpenBeken,
/// LibreTiny/ESPHome or the Tuya SDK — with the MAC from the RF sector (the original firmware's own,
/// <see cref="SimOptions.VendorMac"/>, when the RF sector has only a placeholder); noise when no bootloader can
/// run; the banner alone for an erased app; a crash before the watchdog resets for an app that cannot run.
/// </summary>
internal static class BootLog
{
    private const string Nl = "\r\n";

    public static string Startup(ChipProfile profile, BootImage image, string? bootVersion, int flashSize, string? vendorMac = null)
    {
        if (image.Outcome == BootOutcome.NoBootloader) return Noise();
        var rtThread = profile.Family == ChipFamily.BK7231M;
        var text = Loader(profile, bootVersion, rtThread);
        var appValid = image.Outcome == BootOutcome.Runs || image.Why.Contains("built for", StringComparison.Ordinal);
        // The RT-Thread loader checks the app first and complains; it jumps anyway when there is code.
        if (rtThread && !appValid) text += "[E/OTA] (ota_main:171) App verify failed! Need to recovery factory firmware." + Nl;
        if (image.Outcome == BootOutcome.AppErased) return text;
        text += Nl + "go os_addr(0x10000).........." + Nl;
        if (image.Outcome == BootOutcome.Crashes)
            return text + "undefined instruction" + Nl + "REG:cpsr        spsr        r13         r14" + Nl;
        return text + Sdk(flashSize) + Firmware(image, vendorMac);
    }

    private static string Loader(ChipProfile profile, string? bootVersion, bool rtThread)
    {
        string banner = bootVersion ?? profile.Family switch
        {
            ChipFamily.BK7231T => "BK7231S_1.0.5",
            ChipFamily.BK7231U => "BK7231U_1.0.6",
            ChipFamily.BK7238 => "BK7238_1.0.14",
            ChipFamily.BK7252 => "BK7252_0.1.3",
            _ => "BK7231n_1.0.11",
        };
        var text = $"{Nl}{Nl}        {banner}{Nl}" +
                   "REG:cpsr        spsr        r13         r14" + Nl +
                   "SVC:0x000000D3              0x00401C1C  0x000033AC" + Nl;
        return rtThread
            ? text + "[I/FAL] Fal(V0.4.0)success" + Nl + "[I/OTA] RT-Thread OTA package(V0.2.4) initialize success." + Nl
            : text;
    }

    private static string Sdk(int flashSize) =>
        "bk_misc_init_start_type 0 0" + Nl +
        "prvHeapInit-start addr:0x4143d8, size:113704" + Nl +
        $"[Flash]id:0x{FlashIds.For(flashSize).Jedec:x6}" + Nl +
        "sctrl_sta_ps_init" + Nl;

    private static string Firmware(BootImage image, string? vendorMac)
    {
        var mac = image.Mac;
        // The original firmware falls back on the MAC it keeps in its own storage; replacements print what the RF sector gives.
        var own = vendorMac is not null && PlaceholderMac.Is(mac) ? vendorMac.ToLowerInvariant() : mac;
        return image.Kind switch
        {
            AppKind.OpenBeken =>
                (image.Version is { } v ? $"{image.Name}, version {v}{Nl}" : "") +
                "Info:MAIN:Main_Init_Before_Delay" + Nl +
                "Info:CFG:####### Boot Count 1 #######" + Nl +
                "[FUNC]rwnxl_init" + Nl + "[FUNC]calibration_main" + Nl + "calibration_main over" + Nl +
                "xtal in flash is:12" + Nl +
                $"mac {mac}{Nl}" +
                "Info:MAIN:Main_Init_Delay done" + Nl,
            AppKind.LibreTiny =>
                $"I [      0.002] LibreTiny v{image.Version} on BK72xx, compiled at Jan  1 2025 00:00:00{Nl}" +
                "[I][logger:214]: Log initialized" + Nl +
                "[I][app:029]: Running through setup()..." + Nl +
                $"[C][wifi:443]:   MAC Address: {mac.ToUpperInvariant()}{Nl}",
            AppKind.Tuya =>
                $"[01-01 00:00:00 TUYA Notice][tuya_main.c:97] < TUYA IOT SDK V:{image.Version} >{Nl}" +
                "[FUNC]rwnxl_init" + Nl + "[FUNC]calibration_main" + Nl +
                $"mac {own}{Nl}",
            _ => "[FUNC]rwnxl_init" + Nl + "[FUNC]calibration_main" + Nl + $"mac {own}{Nl}" + "app_init finished" + Nl,
        };
    }

    /// <summary>What a UART shows when the CPU cannot run its bootloader: bytes, but no text.</summary>
    private static string Noise() => new(Enumerable.Range(0, 48).Select(i => (char)(0x80 | (i * 73 & 0x7F))).ToArray());

    public static string Heartbeat(int seconds) =>
        $"Info:MAIN:Time {seconds}, idle 0/s, free 74520, MQTT 0(0), bWifi 0, secondsWithNoPing -1, socks 2/38 {Nl}";
}

/// <summary>JEDEC IDs the simulator reports per flash size (parts from protocol.md §11.4 that both anchors know).</summary>
internal static class FlashIds
{
    public sealed record Part(string Name, uint Jedec, int StatusBytes)
    {
        /// <summary>Wire order: manufacturer, memory type, capacity (e.g. EB 60 15).</summary>
        public byte[] WireBytes => [(byte)(Jedec >> 16), (byte)(Jedec >> 8), (byte)Jedec];
    }

    public static Part For(int size) => size switch
    {
        0x100000 => new("TH25Q80HB", 0xCD6014, 2),
        0x400000 => new("XM25QH32D", 0x204016, 2),
        0x800000 => new("XT25F64B", 0x0B4017, 2),
        0x1000000 => new("WB25Q128JV", 0xEF4018, 2),
        _ when size == 0x200000 => new("TH25Q16HB", 0xEB6015, 2),
        _ => new("generic", 0xC84000u | (uint)Math.Log2(size), 2),
    };
}
