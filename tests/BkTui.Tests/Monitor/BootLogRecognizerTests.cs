using BkTui.Core.Chips;
using BkTui.Core.Monitor;
using BkTui.Core.Serial;
using BkTui.Simulator;
using BkTui.Tests.TestSupport;

namespace BkTui.Tests.Monitor;

public sealed class BootLogRecognizerTests
{
    [Theory]
    [InlineData("        BK7231n_1.0.11", BootFactKind.Bootloader, "BK7231n_1.0.11")]
    [InlineData("BK7231S_1.0.5", BootFactKind.Bootloader, "BK7231S_1.0.5")]
    [InlineData("[I/FAL] Fal(V0.4.0)success", BootFactKind.RtThread, "RT-Thread FAL V0.4.0")]
    [InlineData("[I/FAL] Flash Abstraction Layer (V0.5.99) initialize success.", BootFactKind.RtThread, "RT-Thread FAL V0.5.99")]
    [InlineData("[I/OTA] RT-Thread OTA package(V0.2.4) initialize success.", BootFactKind.RtThread, "RT-Thread OTA V0.2.4")]
    [InlineData("go os_addr(0x10000)..........", BootFactKind.AppStart, "app at 0x10000")]
    [InlineData("Info:MAIN:Main_Init_Before_Delay", BootFactKind.Firmware, "OpenBeken")]
    [InlineData("SDK Rev: 3.0.56 7e6923f", BootFactKind.Firmware, "Beken SDK 3.0.56")]
    [InlineData("[Flash]id:0xeb6015", BootFactKind.FlashId, "0xeb6015")]
    [InlineData("chip id=7231c device id=20521028", BootFactKind.ChipId, "chip 7231c, device 0x20521028")]
    [InlineData("mac c8:47:8c: 0: 0: 1", BootFactKind.Mac, "C8:47:8C:00:00:01")]
    [InlineData("  Device MAC: fc:58:4a:b8:cf:d2", BootFactKind.Mac, "FC:58:4A:B8:CF:D2")]
    [InlineData("[E/OTA] (ota_main:171) App verify failed! Need to recovery factory firmware.", BootFactKind.AppInvalid, "the bootloader found no valid app")]
    public void Recognise_KnownLine_YieldsFact(string line, BootFactKind kind, string value)
    {
        var facts = BootLogRecognizer.Recognise(line);
        Assert.Contains(facts, f => f.Kind == kind && f.Value == value);
    }

    [Theory]
    [InlineData("REG:cpsr        spsr        r13         r14")]
    [InlineData("#Startup delayed 40ms#")]
    [InlineData("BK7231n_1.0.11 extra words")]
    [InlineData("mac 12:34")]
    public void Recognise_OtherLine_YieldsNothing(string line) => Assert.Empty(BootLogRecognizer.Recognise(line));

    [Fact]
    public void Summary_ZeroKeySeedLog_ReadsAsRtThreadBootloaderRunningOpenBeken()
    {
        var text = SharedSeeds.Load("bk7231m-zero-key-flashing.txt");
        if (text is null) return; // seeds not present on this machine
        // The first boot log of the thread: from the banner to the first heartbeat.
        var lines = text.Replace('\u00a0', ' ').Split('\n');
        int from = Array.FindIndex(lines, l => l.Trim() == "BK7231n_1.0.11");
        int to = Array.FindIndex(lines, from, l => l.StartsWith("Info:MAIN:Time 1,", StringComparison.Ordinal));
        var s = BootSummary.Of(lines[from..(to + 1)]);
        Assert.Equal("BK7231n_1.0.11", s.Bootloader);
        Assert.Contains("RT-Thread FAL V0.4.0", s.RtThread);
        Assert.Contains("RT-Thread OTA V0.2.4", s.RtThread);
        Assert.Contains("OpenBeken", s.Firmware);
        Assert.Equal("0xeb6015", s.FlashId);
        Assert.Contains("RT-Thread loader", s.Reading());
        Assert.Contains("running OpenBeken", s.Reading());
    }

    [Fact]
    public void Summary_Tx2SeedLog_FindsChipIdVendorSdkAndMac()
    {
        var text = SharedSeeds.Load("bk7231m-zero-key-flashing.txt");
        if (text is null) return;
        var lines = text.Split('\n');
        int from = Array.FindIndex(lines, l => l.Contains("here is a TX2 boot log", StringComparison.Ordinal));
        var s = BootSummary.Of(lines[from..]);
        Assert.Equal("chip 7231c, device 0x20521028", s.ChipId);
        Assert.Contains("VeSync SDK v1.2.1-1d1881fe", s.Firmware);
        Assert.Contains("Beken SDK 3.0.56", s.Firmware);
        Assert.Equal("FC:58:4A:B8:CF:D2", s.Mac);
    }

    [Fact]
    public void Summary_PlaceholderMac_AdvisesRestoreRf()
    {
        var s = BootSummary.Of(["BK7231n_1.0.11", "go os_addr(0x10000)..........", "mac c8:47:8c:00:00:00"]);
        Assert.Contains("Restore RF", s.Reading());
    }

    [Fact]
    public void Feed_LongLineWithoutNewline_IsCutAtTheBound()
    {
        var lines = new List<string>();
        using var link = new NullLink();
        using var m = new SerialMonitor(link, (l, _) => lines.Add(l));
        m.Feed(Enumerable.Repeat((byte)'A', SerialMonitor.MaxLineLength * 3 + 5).ToArray());
        m.Feed("\r\nBK7231n_1.0.11\r\n"u8);
        Assert.Equal(5, lines.Count);
        Assert.All(lines.Take(3), l => Assert.Equal(SerialMonitor.MaxLineLength, l.Length));
        Assert.Equal("AAAAA", lines[3]);
        Assert.Equal("BK7231n_1.0.11", lines[4]);
    }

    [Fact]
    public void Monitor_SimulatorBootLogOverPty_RecognisesBannerAndFlashId()
    {
        // The chip boots what it holds: an OpenBeken build, which prints a heartbeat every second.
        var image = BkTui.Core.Formats.Synthesis.FlashImageBuilder.Build(new() { Family = ChipFamily.BK7231N, AppBanner = "OpenBK7231N_1.18.21" });
        using var sim = SimHost.Start(new SimOptions { Family = ChipFamily.BK7231N, Image = image, WireModel = false, LinkWindow = TimeSpan.FromMilliseconds(50) });
        var summary = BootSummary.Empty;
        var gate = new object();
        using var heard = new ManualResetEventSlim();
        using var monitor = SerialMonitor.Open(sim.PtyPath, (line, _) =>
        {
            lock (gate) summary = summary.AddLine(line);
            if (line.StartsWith("Info:MAIN:Time", StringComparison.Ordinal)) heard.Set();
        });
        Assert.True(heard.Wait(TimeSpan.FromSeconds(20)), "no heartbeat from the virtual chip within 20 s");
        lock (gate)
        {
            Assert.Equal("BK7231n_1.0.11", summary.Bootloader);
            Assert.Equal("0xeb6015", summary.FlashId);
            Assert.Contains("OpenBeken", summary.Firmware);
        }
    }

    private sealed class NullLink : ISerialLink
    {
        public string PortName => "null";
        public int Baud => SerialMonitor.BootBaud;
        public void SetBaud(int baud) { }
        public void Write(ReadOnlySpan<byte> data) { }
        public int Read(Span<byte> buffer, TimeSpan timeout, CancellationToken cancel = default) => 0;
        public void DiscardInput() { }
        public void DrainOutput() { }
        public bool SetModemLines(bool dtr, bool rts) => false;
        public void Dispose() { }
    }
}
