using BkTui.Core.Chips;

namespace BkTui.Simulator;

/// <summary>
/// What the chip prints at 115200 once the link window has passed and it boots from flash: the
/// bootloader banner, the app's start-up lines (shaped like the BK7231M log in
/// seeds/bk7231m-zero-key-flashing.txt), then a heartbeat line every second.
/// </summary>
internal static class BootLog
{
    public static string Startup(ChipProfile profile, FlashMemory flash, string? bootVersion)
    {
        string banner = bootVersion ?? profile.Family switch
        {
            ChipFamily.BK7231T => "BK7231S_1.0.5",
            ChipFamily.BK7231U => "BK7231U_1.0.6",
            ChipFamily.BK7238 => "BK7238_1.0.14",
            ChipFamily.BK7252 => "BK7252_0.1.3",
            _ => "BK7231n_1.0.11",
        };
        var app = flash.Read(profile.AppOffset, 8);
        bool hasApp = app.Any(b => b != 0xFF);
        var text = $"\r\n\r\n        {banner}\r\n" +
                   "REG:cpsr        spsr        r13         r14\r\n" +
                   "SVC:0x000000D3              0x00401C1C  0x000033AC\r\n" +
                   "[I/FAL] Fal(V0.4.0)success\r\n" +
                   "[I/OTA] RT-Thread OTA package(V0.2.4) initialize success.\r\n";
        if (!hasApp)
            return text + "[E/OTA] (ota_main:171) App verify failed! Need to recovery factory firmware.\r\n" +
                   "[E/OTA] no firmware to boot: app partition is empty\r\n";
        var mac = flash.Read(profile.RfOffset + 0x24, 6);
        return text + "\r\n\r\ngo os_addr(0x10000)..........\r\n" +
               "bk_misc_init_start_type 0 0\r\n" +
               "prvHeapInit-start addr:0x4143d8, size:113704\r\n" +
               $"[Flash]id:0x{FlashIds.For(flash.Size).Jedec:x6}\r\n" +
               "sctrl_sta_ps_init\r\n" +
               "Info:MAIN:Main_Init_Before_Delay\r\n" +
               "Info:CFG:####### Boot Count 1 #######\r\n" +
               "[FUNC]rwnxl_init\r\n" +
               "[FUNC]calibration_main\r\n" +
               "calibration_main over\r\n" +
               "temp in flash is:350\r\n" +
               "xtal in flash is:12\r\n" +
               $"mac {string.Join(':', mac.Select(b => b.ToString("x2")))}\r\n" +
               "[FUNC]ps_init\r\n" +
               "Info:MAIN:Main_Init_Done\r\n";
    }

    public static string Heartbeat(int seconds) =>
        $"Info:MAIN:Time {seconds}, idle 0/s, free 74520, MQTT 0(0), bWifi 0, secondsWithNoPing -1, socks 2/38 \r\n";
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
