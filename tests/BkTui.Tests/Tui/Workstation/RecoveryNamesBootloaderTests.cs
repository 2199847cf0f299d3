using BkTui.Core.Chips;
using BkTui.Simulator;
using BkTui.Tests.TestSupport;
using BkTui.Tui.Bench;
using BkTui.Tui.Panes.Archive;
using BkTui.Tui.State;

namespace BkTui.Tests.Tui.Workstation;

/// <summary>The recovery question (B) names the bootloader the dump puts at 0x000000, read from the dump itself (tester finding F5).</summary>
public sealed class RecoveryNamesBootloaderTests
{
    private static string BootloaderLine(WorkstationHarness t) =>
        Assert.Single(Assert.IsType<PromptOverlay>(t.State.Overlay).Stakes, s => s.Label == "Bootloader").Text;

    private static WorkstationHarness WithDump2(byte[] bytes)
    {
        var bench = WorkstationHarness.Sample();
        bench.Bytes[2] = bytes;
        return new WorkstationHarness(bench: bench).Focus(ArchivePane.PaneIdValue);
    }

    [Fact]
    public void AZeroKeyVendorLoader_IsNamedByItsText_AndSaidNotToBeInTheKnownList()
    {
        var t = WithDump2(ImageSynthesizer.Create(ChipFamily.BK7231M)).Press("B");
        Assert.Matches(@"^REWRITTEN: 0x000000–0x011000 gets bootloader BK7231n_1\.0\.11 \(not in the known list, CRC-32 0x[0-9A-F]{8} of bytes 0-25[56]\) from dump #2, then the app", BootloaderLine(t));
    }

    [Fact]
    public void ALoaderWithoutName_IsAnUnidentifiedBootloaderWithItsCrc()
    {
        var dump = DumpEdits.WithNamelessBootloader(WorkstationHarness.Image, seed: 3);
        var t = WithDump2(dump).Press("B");
        Assert.Matches(@"gets an unidentified bootloader, CRC-32 0x[0-9A-F]{8} of bytes 0-25[56] from dump #2", BootloaderLine(t));
    }

    [Fact]
    public async Task TheQuestionWaitsForTheDumpToBeRead_TheReducerDoesNoIo()
    {
        var t = new WorkstationHarness().Focus(ArchivePane.PaneIdValue);
        var effects = t.App.Dispatch(new ArchiveRecover());
        Assert.Null(t.State.Overlay);
        Assert.Equal("reading the bootloader of dump #2…", t.State.Flash!.Text);
        var read = Assert.IsType<BenchEffect>(Assert.Single(effects));

        var posted = new List<AppAction>();
        await read.RunAsync(new EffectContext(posted.Add, t.Services, default));
        foreach (var action in posted) t.Do(action);
        Assert.Contains("from dump #2", BootloaderLine(t));
        Assert.Null(t.State.Flash); // the "reading…" message ended with the work
    }

    [Fact]
    public void ADumpThatCannotBeRead_AsksNothing()
    {
        var bench = WorkstationHarness.Sample();
        bench.Bytes.Remove(2);
        var t = new WorkstationHarness(bench: bench).Focus(ArchivePane.PaneIdValue).Press("B");
        Assert.Null(t.State.Overlay);
        Assert.StartsWith("reading the bootloader of dump #2:", t.State.Flash!.Text);
        Assert.Equal(FlashLevel.Error, t.State.Flash.Level);
        Assert.Empty(t.Bench.Enqueued);
    }
}
