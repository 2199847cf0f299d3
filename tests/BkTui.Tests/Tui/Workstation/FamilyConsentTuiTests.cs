using BkTui.Core.Jobs;
using BkTui.Tui.Keys;
using BkTui.Tui.Panes.Queue;
using BkTui.Tui.State;

namespace BkTui.Tests.Tui.Workstation;

/// <summary>
/// Headless workstation over the real engine bench and a virtual BK7231N on a pty: flashing an app
/// that names no chip family asks, after 'y', for the family typed; no answer or a wrong word queues
/// nothing, a family of other silicon is refused by the engine's gate before a byte is written, and
/// the chip's own family writes the image.
/// </summary>
public sealed class FamilyConsentTuiTests : IDisposable
{
    private readonly Tests.Jobs.SimBench _sims = new();

    [Fact]
    public void An_image_of_unknown_family_is_written_only_after_the_chips_family_is_typed()
    {
        var sim = _sims.Add(Core.Chips.ChipFamily.BK7231N, 71);
        var image = Compatibility.GateImages.Anonymous(Core.Chips.ChipFamily.BK7231N);
        var file = _sims.File("tuya_sdk_app.bin", image);
        using var bench = new BkTui.Tui.Bench.EngineBench(_sims.Store.Archive, () => [new BkTui.Core.Serial.PortInfo(sim.PtyPath, null, "pty", null, null, null, "virtual BK7231N", false, null)],
            new BkTui.Core.Flashing.ConnectOptions { LinkTimeout = TimeSpan.FromSeconds(15) },
            new JobQueueOptions { RetryBackoff = TimeSpan.FromMilliseconds(50), ProgressInterval = TimeSpan.FromMilliseconds(50) });
        var h = new WorkstationHarness(bench, 120, 40);

        // No consent: Esc at the typed question, then an answer that is no family — nothing is queued.
        var confirm = AskToFlash(h, file);
        Assert.Contains("names no chip family", confirm.Whole);
        Assert.Contains("type the family", confirm.Whole);
        h.Press("y");
        var prompt = Assert.IsType<PromptOverlay>(h.State.Overlay);
        Assert.Equal(QueuePane.FamilyPurpose, prompt.Purpose);
        Assert.Contains("Type the family it is built for", prompt.Label);
        h.Press(Key.Of(KeyCode.Escape));
        AskToFlash(h, file);
        h.Press("y").Press("yes").Press(Key.Of(KeyCode.Enter));
        Assert.Contains(h.Messages(), m => m.Contains("'yes' is not a chip family") && m.Contains("nothing was queued"));
        Assert.Empty(bench.Jobs());

        // The wrong family typed: queued, and the engine's gate refuses it on the linked N before writing.
        AskToFlash(h, file);
        h.Press("y").Press("BK7231T").Press(Key.Of(KeyCode.Enter));
        var refused = Tests.Jobs.SimBench.Finish(bench.Queue, Assert.Single(bench.Jobs()));
        Assert.Equal(JobState.Failed, refused.State);
        Assert.Equal(JobErrorKind.Refused, refused.ErrorKind);
        Assert.Contains("Wrong chip family: you said tuya_sdk_app.bin is a BK7231T build, but this chip is a BK7231N", refused.Error);
        Assert.Equal(0, sim.Chip.Flash.Erases + sim.Chip.Flash.Programs);

        // The chip's own family typed: the same image is written and verified.
        AskToFlash(h, file);
        h.Press("y").Press("bk7231n").Press(Key.Of(KeyCode.Enter));
        var written = Tests.Jobs.SimBench.Finish(bench.Queue, bench.Jobs().Single(j => j.Id != refused.Id));
        Assert.True(written.State == JobState.Done, written.Error);
        Assert.Equal(Core.Chips.ChipFamily.BK7231N, written.Request.UnknownFamilyBuiltFor);
        Assert.Equal(image, sim.Chip.Flash.Read(0x11000, image.Length));
    }

    /// <summary>'f' in [Queue], the file, Enter: the flash question with the engine's preview.</summary>
    private static ConfirmOverlay AskToFlash(WorkstationHarness h, string file)
    {
        h.Focus(QueuePane.PaneIdValue).Press("f").Press(file).Press(Key.Of(KeyCode.Enter));
        return Assert.IsType<ConfirmOverlay>(h.State.Overlay);
    }

    public void Dispose() => _sims.Dispose();
}
