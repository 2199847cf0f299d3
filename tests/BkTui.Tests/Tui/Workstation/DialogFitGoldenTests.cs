using BkTui.Core.Chips;
using BkTui.Core.Serial;
using BkTui.Tests.Compatibility;
using BkTui.Tui.Keys;
using BkTui.Tui.Panes.Ports;
using BkTui.Tui.Panes.Queue;
using BkTui.Tui.Render;
using BkTui.Tui.State;

namespace BkTui.Tests.Tui.Workstation;

/// <summary>
/// Dialogs fit at 80×24 and 120×40 and nothing they name is cut without a way to read it: what does
/// not fit scrolls (↓/↑ in a question, PgDn/PgUp in a typed consent, the wheel in both) and a line
/// says how much is hidden; the ':' line's dialogs (write, erase, a typed write into the bootloader)
/// as golden screens.
/// </summary>
public sealed class DialogFitGoldenTests
{
    public static TheoryData<int, int> Sizes => PaneBehaviourGuiTests.Sizes;
    private const string ZeroKeyPort = "/tmp/bkdemo/bl2028n-zero-key";

    private static string Name(string what, int w, int h) => DialogGoldenTests.Name(what, w, h);

    /// <summary>The sample bench with a third port, and a chip last seen on each: N plug, T bulb, zero-key M.</summary>
    private static FakeBench ThreeChips()
    {
        var b = WorkstationHarness.Sample();
        b.DeviceList.Add(b.DeviceList[0] with { Id = 2, Mac = "C8:47:8C:42:10:21", Chip = "BK7231T", Labels = [], BaudByAdapter = new Dictionary<string, int> { [WorkstationHarness.BulbPort] = 921600 } });
        b.PortList.Add(new PortInfo(ZeroKeyPort, null, "pty", null, null, null, "virtual BK7231M", false, null));
        b.DeviceList.Add(b.DeviceList[0] with { Id = 3, Mac = "C8:47:8C:00:00:01", Chip = "BK7231M", KeyVerdict = "zero", Labels = [], BaudByAdapter = new Dictionary<string, int> { [ZeroKeyPort] = 921600 } });
        return b;
    }

    /// <summary>All three ports marked, then [Queue] f with the file.</summary>
    private static WorkstationHarness FlashToThree(int w, int h, string file) =>
        new WorkstationHarness(w, h, ColorMode.Mono, bench: ThreeChips()).Focus(PortsPane.PaneIdValue).Press(" j j ")
            .Focus(QueuePane.PaneIdValue).Press("f").Press(file).Press(Key.Of(KeyCode.Enter));

    private static WorkstationHarness Line(int w, int h, string line) =>
        new WorkstationHarness(w, h, ColorMode.Mono).Press(":").Press(line).Press(Key.Of(KeyCode.Enter));

    [Theory, MemberData(nameof(Sizes))]
    public void Flash_ToThreeChips_ScrollsWhatDoesNotFit(int w, int h)
    {
        var file = DialogGoldenTests.Put("OpenBK7231N_QIO_1.17.bin", GateImages.Build(ChipFamily.BK7231N));
        var t = FlashToThree(w, h, file);
        Golden.Verify(Name("flash-three", w, h), t.App, t.Services);
        var screen = t.Screen();
        Assert.Contains("3 ports     bk7231n-plug (BK7231N), bk7231t-bulb (BK7231T),", screen);
        if (w >= 100)
        {
            Assert.Contains("Before      factory dump first", screen); // all of it fits
            return;
        }
        Assert.Contains("… 2 more lines below — ↓/↑ scroll", screen);
        Assert.DoesNotContain("Before      a factory dump", screen);
        t.Press(Key.Of(KeyCode.Down)).Press(Key.Of(KeyCode.Down)).Press(Key.Of(KeyCode.Down)); // one more than there is: it stops
        Assert.Equal(2, Assert.IsType<ConfirmOverlay>(t.State.Overlay).Scroll);
        Golden.Verify(Name("flash-three-scrolled", w, h), t.App, t.Services);
        screen = t.Screen();
        Assert.Contains("Bootloader  kept: 0x000000–0x011000 is not written", screen);
        Assert.Contains("Before      factory dump first unless one read from it is archived", screen);
        Assert.Contains("… 2 lines above — ↓/↑ scroll", screen);
        Assert.Contains("[ y  Flash ]   [ n  No ]", screen);
        t.Press("k").Press("k");
        Assert.Equal(0, Assert.IsType<ConfirmOverlay>(t.State.Overlay).Scroll);
        t.Press("n");
        Assert.Empty(t.Bench.Enqueued);
    }

    [Theory, MemberData(nameof(Sizes))]
    public void TypedFamily_ToThreeChips_KeepsThePortsAndScrolls(int w, int h)
    {
        var file = DialogGoldenTests.Put("tuya_sdk_app.bin", GateImages.Anonymous(ChipFamily.BK7231N));
        var t = FlashToThree(w, h, file).Press("y");
        var prompt = Assert.IsType<PromptOverlay>(t.State.Overlay);
        Assert.Equal(QueuePane.FamilyPurpose, prompt.Purpose);
        t.Press("bk7231");
        Golden.Verify(Name("family-three", w, h), t.App, t.Services);
        var screen = t.Screen();
        Assert.Contains("3 ports     bk7231n-plug (BK7231N)", screen); // the ports come first and stay
        Assert.Contains("Type the family it is built for", screen);
        if (w < 100)
        {
            Assert.Contains("more lines below — PgDn/PgUp scroll", screen);
            t.Do(new ScrollDialog(100));
            screen = t.Screen();
            Assert.Contains("Bootloader  kept: 0x000000–0x011000 is not written", screen);
            Assert.Contains("above — PgDn/PgUp scroll", screen);
        }
        Assert.Equal("bk7231", Assert.IsType<PromptOverlay>(t.State.Overlay).Text); // scrolling leaves the field as typed
    }

    [Theory, MemberData(nameof(Sizes))]
    public void CommandLine_Write_Erase_AndATypedWriteIntoTheBootloader(int w, int h)
    {
        var file = DialogGoldenTests.Put("OpenBK7231N_QIO_1.17.bin", GateImages.Build(ChipFamily.BK7231N));
        const string plug = WorkstationHarness.PlugPort;
        Golden.Verify(Name("line-write", w, h), Line(w, h, $"write --port {plug} --in {file}").App);
        var erase = Line(w, h, $"erase --port {plug} --start 0x1D0000 --length 0x2000");
        Assert.Equal("Erase flash", Assert.IsType<ConfirmOverlay>(erase.State.Overlay).Title);
        Golden.Verify(Name("line-erase", w, h), erase.App);
        var boot = Line(w, h, $"erase --port {plug} --start 0x0 --length 0x2000 --allow-bootloader").Press("BOOT");
        Assert.Contains("ERASED: the range starts inside 0x000000–0x011000", boot.Screen());
        Golden.Verify(Name("line-erase-bootloader", w, h), boot.App);
        Golden.Verify(Name("line-custom-bootloader", w, h), Line(w, h, $"run custom --port {plug} --write {file} --start 0x0 --allow-bootloader").App);
    }
}
