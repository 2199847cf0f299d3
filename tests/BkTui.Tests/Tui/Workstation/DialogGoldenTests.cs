using BkTui.Core.Chips;
using BkTui.Core.Jobs;
using BkTui.Tests.Compatibility;
using BkTui.Tui.Files;
using BkTui.Tui.Keys;
using BkTui.Tui.Panes.Archive;
using BkTui.Tui.Panes.Ports;
using BkTui.Tui.Panes.Queue;
using BkTui.Tui.Render;
using BkTui.Tui.State;

namespace BkTui.Tests.Tui.Workstation;

/// <summary>
/// Every dialog that comes before a write, and the file picker, as golden screens at 80×24 and
/// 120×40 (headless Terminal.Gui). Files live under a fixed folder so the paths on screen are the
/// same on every machine.
/// </summary>
public sealed class DialogGoldenTests
{
    public static TheoryData<int, int> Sizes => PaneBehaviourGuiTests.Sizes;

    /// <summary>A fixed folder (its path is on the golden screens); written idempotently, so parallel runs agree.</summary>
    public const string Folder = "/tmp/bktui-dialog-golden";

    public static string Put(string name, byte[] data)
    {
        var path = Path.Combine(Folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (!File.Exists(path) || !File.ReadAllBytes(path).AsSpan().SequenceEqual(data)) File.WriteAllBytes(path, data);
        return path;
    }

    internal static string Name(string what, int w, int h, ColorMode mode = ColorMode.Mono) =>
        $"dialog-{what}-{w}x{h}-{(mode == ColorMode.Mono ? "mono" : "16")}";

    /// <summary>[Queue] f, the file typed, Enter: the flash dialog.</summary>
    private static WorkstationHarness AskToFlash(WorkstationHarness t, string file) =>
        t.Focus(QueuePane.PaneIdValue).Press("f").Press(file).Press(Key.Of(KeyCode.Enter));

    [Theory, MemberData(nameof(Sizes))]
    public void Flash_ToTwoMarkedPorts_NamesThemAndWhatIsWritten(int w, int h)
    {
        var file = Put("OpenBK7231N_QIO_1.17.bin", GateImages.Build(ChipFamily.BK7231N));
        foreach (var mode in new[] { ColorMode.Mono, ColorMode.Ansi16 })
        {
            var t = new WorkstationHarness(w, h, mode).Focus(PortsPane.PaneIdValue).Press(" j ");
            AskToFlash(t, file);
            var confirm = Assert.IsType<ConfirmOverlay>(t.State.Overlay);
            Assert.Contains("2 ports: bk7231n-plug (BK7231N), bk7231t-bulb — the 2 marked ports", confirm.Whole);
            Assert.Contains("Bootloader: kept: 0x000000–0x011000 is not written", confirm.Whole);
            Golden.Verify(Name("flash-marked", w, h, mode), t.App, t.Services);
        }
    }

    [Fact]
    public void Flash_ToPortsWithDifferentChips_GivesEachPortsVerdictByName()
    {
        var file = Put("OpenBK7231N_QIO_1.17.bin", GateImages.Build(ChipFamily.BK7231N));
        var bench = WorkstationHarness.Sample();
        bench.DeviceList.Add(bench.DeviceList[0] with
        {
            Id = 2, Mac = "C8:47:8C:42:10:21", Chip = "BK7231T", Labels = [], BaudByAdapter = new Dictionary<string, int> { [WorkstationHarness.BulbPort] = 921600 },
        });
        var t = new WorkstationHarness(bench: bench).Focus(PortsPane.PaneIdValue).Press(" j ");
        AskToFlash(t, file);
        var checks = Assert.IsType<ConfirmOverlay>(t.State.Overlay).Stakes.Where(s => s.Label == "Check").ToList();
        Assert.Equal(2, checks.Count);
        Assert.StartsWith("bk7231n-plug: OpenBK7231N_QIO_1.17.bin is built for BK7231N;", checks[0].Text);
        Assert.StartsWith("bk7231t-bulb: OpenBK7231N_QIO_1.17.bin is built for BK7231N but this adapter last held a BK7231T", checks[1].Text);
        Assert.Equal((StakeLevel.Normal, StakeLevel.Danger), (checks[0].Level, checks[1].Level));
    }

    [Theory, MemberData(nameof(Sizes))]
    public void Flash_OfAZeroKeyBuild_OnATuyaKeyChip_NamesTheKeyMismatch(int w, int h)
    {
        var file = Put("OpenBK7231M_1.17.bin", GateImages.Build(ChipFamily.BK7231M));
        var t = AskToFlash(new WorkstationHarness(w, h, ColorMode.Mono), file);
        var confirm = Assert.IsType<ConfirmOverlay>(t.State.Overlay);
        var key = Assert.Single(confirm.Stakes, s => s.Label == "Key");
        Assert.Equal(StakeLevel.Danger, key.Level);
        Assert.Contains("encrypted with the zero key but the chip last seen on this adapter has the tuya key", key.Text);
        Golden.Verify(Name("flash-key", w, h), t.App, t.Services);
    }

    [Theory, MemberData(nameof(Sizes))]
    public void Flash_OfAnImageOfNoFamily_AsksAndThenTakesTheFamilyTyped(int w, int h)
    {
        var file = Put("tuya_sdk_app.bin", GateImages.Anonymous(ChipFamily.BK7231N));
        var t = AskToFlash(new WorkstationHarness(w, h, ColorMode.Mono), file);
        Assert.Contains("names no chip family", Assert.IsType<ConfirmOverlay>(t.State.Overlay).Whole);
        Golden.Verify(Name("flash-family", w, h), t.App, t.Services);
        t.Press("y");
        var prompt = Assert.IsType<PromptOverlay>(t.State.Overlay);
        Assert.Contains(prompt.Stakes, s => s.Label == "Port" && s.Text.StartsWith("bk7231n-plug"));
        t.Press("bk72");
        Golden.Verify(Name("family-typed", w, h), t.App, t.Services);
    }

    [Theory, MemberData(nameof(Sizes))]
    public void Restore_OfAnotherDevicesDump_NamesBothDevices(int w, int h)
    {
        var bench = WorkstationHarness.Sample();
        bench.DumpList.Add(bench.DumpList[1] with { Id = 3, Mac = "AA:BB:CC:00:00:01", DeviceId = 20, TakenAt = WorkstationHarness.Clock });
        var t = new WorkstationHarness(w, h, ColorMode.Mono, bench: bench).Focus(ArchivePane.PaneIdValue);
        t.Do(new ArchiveMove(-10)).Do(new ArchiveMove(1)).Press("W");
        var device = Assert.Single(Assert.IsType<ConfirmOverlay>(t.State.Overlay).Stakes, s => s.Label == "Device");
        Assert.Equal(StakeLevel.Danger, device.Level);
        Golden.Verify(Name("restore-other", w, h), t.App, t.Services);
    }

    [Theory, MemberData(nameof(Sizes))]
    public void BootloaderRecovery_IsATypedDialog(int w, int h)
    {
        var t = new WorkstationHarness(w, h, ColorMode.Mono).Focus(ArchivePane.PaneIdValue).Press("B").Press("BOOT");
        Golden.Verify(Name("recover", w, h), t.App, t.Services);
        t.Press(Key.Of(KeyCode.Up)).Press(Key.Of(KeyCode.Tab)); // shown dim in the bar: nothing recalls or completes a consent
        Assert.Equal("BOOT", Assert.IsType<PromptOverlay>(t.State.Overlay).Text);
        Assert.Contains("a consent is typed in full each time", t.State.Flash!.Text);
    }

    [Theory, MemberData(nameof(Sizes))]
    public void FilePicker_ListsFoldersAndFirmware(int w, int h)
    {
        var dir = PickerFolder();
        var t = new WorkstationHarness(w, h, ColorMode.Mono).Focus(QueuePane.PaneIdValue).Press("f").Press(dir + "/").Press(Key.Ctrl('o'));
        var picker = Assert.IsType<FilePickerOverlay>(t.State.Overlay);
        Assert.Equal(["..", "old", "OpenBK7231N_QIO_1.17.bin", "OpenBK7231T_UA_1.17.rbl"], picker.Shown.Select(e => e.Name));
        Golden.Verify(Name("picker", w, h), t.App, t.Services);
    }

    /// <summary>A folder with firmware, a sub-folder, and files the filter hides.</summary>
    public static string PickerFolder()
    {
        Put("picker/OpenBK7231N_QIO_1.17.bin", new byte[4096]);
        // A real build: the flash dialog asks only about a file some chip could take (an empty one is refused at once).
        Put("picker/OpenBK7231T_UA_1.17.rbl", GateImages.Build(ChipFamily.BK7231T));
        Put("picker/notes.txt", "flash the plug first\n"u8.ToArray());
        Put("picker/.hidden.bin", [1]);
        Put("picker/old/OpenBK7231N_QIO_1.16.bin", new byte[2048]);
        return Path.Combine(Folder, "picker");
    }
}
