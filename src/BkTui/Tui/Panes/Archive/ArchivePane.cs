using System.Collections.Immutable;
using BkTui.Core.Archive;
using BkTui.Core.Jobs;
using BkTui.Tui.Canvas;
using BkTui.Tui.Bench;
using BkTui.Tui.Keys;
using BkTui.Tui.Panes.Hex;
using BkTui.Tui.Panes.Ports;
using BkTui.Tui.Panes.Queue;
using BkTui.Tui.Render;
using BkTui.Tui.State;
using BkTui.Tui.ViewModels;
using BkTui.Tui.Views.Hex;
using static BkTui.Tui.Keys.K;

namespace BkTui.Tui.Panes.Archive;

/// <summary>Devices and their dumps, newest first; filter by MAC/label; open in the hex viewer, diff two, label, restore.</summary>
public sealed partial class ArchivePane : Pane<ArchiveState>
{
    public const string PaneIdValue = "archive";
    public const string LabelPurpose = "label";
    public const string NamePurpose = "name";

    public override string Id => PaneIdValue;
    public override string Title => "Archive";
    public override string? SearchLabel => "/ filter by MAC, chip or label (empty: all): ";

    public override IEnumerable<Binding> Keys =>
    [
        .. ListKeys.Rows(Id, d => new ArchiveMove(d), "row"),
        new(Id, [Of(KeyCode.Enter), C('o')], new ArchiveOpen(), "Open in hex") { ShowInBar = true, Order = 1, Hint = "Open" },
        new(Id, [C(' ')], new ArchiveMark(), "Mark") { ShowInBar = true, Order = 2 },
        new(Id, [C('d')], new ArchiveDiff(), "Diff with the marked dump (hex compare)") { ShowInBar = true, Order = 4, Hint = "Diff" },
        new(Id, [C('a')], new ArchiveAnalyze(), "Analysis of the dump: why its grade, chip, key, Tuya pins, RF MAC (secrets masked)") { ShowInBar = true, Order = 3, Hint = "Analysis" },
        new(Id, [C('l')], new ArchiveLabel(), "Label the dump, or name the device (on a device row)") { ShowInBar = true, Order = 5, Hint = "Label/name" },
        new(Id, [C('c')], new ArchiveClearFilter(), "Clear the filter") { ShowInBar = true, Order = 6, DisabledReason = NoFilter, Hint = "Clear filter" },
        new(Id, [C('R')], new ArchiveRefresh(), "Reload the archive"),
        new(Id, [C('W')], new ArchiveRestore(), "Restore to the selected port (bootloader kept)") { Dangerous = true },
        new(Id, [C('B')], new ArchiveRecover(), "Bootloader recovery: write this dump whole, bootloader included (you type BOOTLOADER)") { Dangerous = true },
    ];

    private static string? NoFilter(AppState app) => app.Panes.TryGetValue(PaneIdValue, out var o) && o is ArchiveState { Filter: not null } ? null : "no filter is set";

    protected override ArchiveState Initial(TuiOptions options) => new();

    protected override string Status(ArchiveState pane)
    {
        if (!pane.Loaded) return "reading…";
        if (pane.Filter is not { Length: > 0 } f) return Humane.Count(pane.Dumps.Length, "dump") + (pane.Marked is { } m ? $", #{m} marked" : "");
        // Filtered: how many of the dumps show, and a mark the filter hides is said to be hidden.
        var shown = Rows(pane, DateTimeOffset.MinValue).Where(r => r.DumpId is not null).Select(r => r.DumpId!.Value).ToHashSet();
        return $"{shown.Count} of {Humane.Count(pane.Dumps.Length, "dump")}, filter '{f}' (c clears)" +
               (pane.Marked is { } mark ? $", #{mark} marked{(shown.Contains(mark) ? "" : " (hidden by the filter)")}" : "");
    }

    /// <summary>Reads devices and dumps (on start, on R, after a backup).</summary>
    public static BenchEffect Load() => new("reading the archive", (b, _) => [new ArchiveLoaded(b.Devices(), b.Dumps())]);

    internal static IReadOnlyList<ArchiveRow> Rows(ArchiveState s, DateTimeOffset now) => ArchiveRows.Build(s.Devices, s.Dumps, s.Filter, now);

    protected override Transition Reduce(AppState app, ArchiveState pane, PaneAction action, Rect area)
    {
        var rows = Rows(pane, app.Now);
        int index = rows.ToList().FindIndex(r => r.Key == pane.Selected);
        var row = index >= 0 ? rows[index] : null;
        switch (action)
        {
            case ArchiveLoaded l:
                var next = pane with { Devices = [.. l.Devices], Dumps = [.. l.Dumps], Loaded = true };
                return With(app, Reselect(next, app.Now));
            case ArchiveMove m:
                int i = ListWindow.Step(rows.Count, index, m.Delta);
                return i < 0 ? app : With(app, pane with { Selected = rows[i].Key });
            case PromptSubmitted { Purpose: PromptOverlay.SearchPurpose } p:
                return With(app, Reselect(pane with { Filter = p.Text.Trim().Length == 0 ? null : p.Text.Trim() }, app.Now));
            case ArchiveWriteBack w:
                return WriteBack(app, pane, w.Request);
            case ArchiveRecoveryRead r:
                return AskRecovery(app, pane, r);
            case ArchiveClearFilter:
                return With(app, Reselect(pane with { Filter = null }, app.Now));
            case ArchiveRefresh:
                return new Transition(app, [Load()]);
            case ArchiveLabel when row is { IsDevice: true, Identity: { } device }:
                return app with { Overlay = new PromptOverlay(Id, NamePurpose, $"Name for {device} (shown before it): ", "") };
            case ArchiveLabel when row is { IsDevice: true }:
                return AppReducer.Flash(app, $"{row.DeviceName} cannot be named: nothing identifies it — attach its dump to a MAC first (bktui dumps attach)", FlashLevel.Warning);
            case ArchiveLabel when row?.DumpId is { } labelled:
                return app with { Overlay = new PromptOverlay(Id, LabelPurpose, $"Label for dump #{labelled}: ", row.Label) };
            case PromptSubmitted { Purpose: NamePurpose } p when row is { IsDevice: true, Identity: { } named }:
                var name = p.Text.Trim();
                if (name.Length == 0) return AppReducer.Flash(app, "no name given: nothing changed", FlashLevel.Warning);
                return new Transition(app, [new BenchEffect("naming", (b, _) => { b.NameDevice(named, name); return [new ShowFlash($"{named} is now '{name}'"), new ArchiveRefresh()]; })]);
            case PaneClicked c:
                int at = ListWindow.Start(rows.Count, Math.Max(0, index), area.Height) + c.Y;
                return at < rows.Count ? With(app, pane with { Selected = rows[at].Key }) : app;
        }
        if (row?.DumpId is not { } id)
            return action is ArchiveOpen or ArchiveMark or ArchiveDiff or ArchiveRestore or ArchiveRecover or ArchiveAnalyze or PromptSubmitted
                ? AppReducer.Flash(app, "select a dump (the indented rows under a device)", FlashLevel.Warning) : app;
        switch (action)
        {
            case ArchiveOpen:
                return new Transition(AppReducer.Busy(app, $"opening dump #{id}…", OpenWork(id)), [Open(id, compare: null, warning: null)]);
            case ArchiveMark:
                return With(app, pane with { Marked = pane.Marked == id ? null : id });
            case ArchiveDiff when pane.Marked is not { } marked || marked == id:
                return AppReducer.Flash(app, "mark one dump with Space, select another, then press d", FlashLevel.Warning);
            case ArchiveDiff:
                // Same device means the same archive device record, never equal MAC text (two boards without a MAC are two).
                long markedId = pane.Marked!.Value;
                var other = DumpRow(pane, markedId, app.Now);
                var warning = other is null || other.Group == row.Group ? null
                    : $"#{markedId} and #{id} are dumps of two devices ({other.DeviceName}, {row.DeviceName}): most bytes will differ";
                var said = warning is null
                    ? AppReducer.Busy(app, $"comparing #{markedId} with #{id} (d/D in [Hex] jump between differences)…", OpenWork(markedId))
                    : AppReducer.Flash(app, warning, FlashLevel.Warning);
                return new Transition(said, [Open(markedId, compare: id, warning)]);
            case ArchiveAnalyze:
                return new Transition(AppReducer.Busy(app, $"analysing dump #{id}…", AnalyzeWork(id)), [Analyze(id)]);
            case PromptSubmitted { Purpose: LabelPurpose } p:
                var label = p.Text.Trim();
                return new Transition(app, [new BenchEffect("labelling", (b, _) => { b.LabelDump(id, label); return [new ShowFlash($"dump #{id} labelled '{label}'"), new ArchiveRefresh()]; })]);
            case ArchiveRestore:
                return Restore(app, id, row);
            case ArchiveRecover:
                return Recover(app, id);
            default:
                return app;
        }
    }

    private static ArchiveState Reselect(ArchiveState s, DateTimeOffset now)
    {
        var rows = Rows(s, now);
        if (rows.Any(r => r.Key == s.Selected)) return s;
        return s with { Selected = rows.FirstOrDefault(r => !r.IsDevice)?.Key ?? rows.FirstOrDefault()?.Key };
    }

    private static string AnalyzeWork(long id) => $"analysing dump #{id}";
    private static string OpenWork(long id) => $"opening dump #{id}";

    /// <summary>Analyses the dump and shows the report whole (secrets masked), the grade's reasons first.</summary>
    private static BenchEffect Analyze(long id) => new(AnalyzeWork(id), (b, _) =>
        [new ShowDetail($"Dump #{id}: analysis", DumpAnalysisText.Lines(BenchAnalysis.Analyze(b.DumpBytes(id)), $"dump #{id}"))]);

    /// <summary>Reads the dump (and the one to compare), analyses it for the partition map, and shows it in the hex viewer.</summary>
    /// <param name="warning">Why the comparison may mislead (two devices); the hex view keeps saying it after it opens.</param>
    private static BenchEffect Open(long id, long? compare, string? warning) => new(OpenWork(id), (b, _) =>
    {
        var bytes = b.DumpBytes(id);
        var actions = new List<AppAction> { new HexOpened(HexDocument.FromBytes($"dump-{id}.bin", bytes, BenchAnalysis.Analyze(bytes))) };
        if (compare is { } other) actions.Add(new HexOpened(new HexDocument(new MemoryByteSource($"dump-{other}.bin", b.DumpBytes(other))), AsCompare: true) { Warning = warning });
        else actions.Add(new HexCloseCompare()); // a comparison made for the dump shown before does not carry over to this one
        actions.Add(new FocusPaneById(HexPane.PaneIdValue));
        return actions;
    });

    protected override void Render(PaneView view, ArchiveState pane)
    {
        var (buf, area) = (view.Buffer, view.Area);
        var rows = Rows(pane, view.State.Now);
        if (rows.Count == 0)
        {
            var text = !pane.Loaded ? "Reading the archive…" : pane.Filter is not null ? $"Nothing matches '{pane.Filter}'. Press c to clear the filter." : "The archive is empty. Back up a device: [Ports], b.";
            buf.Put(area.X + 1, area.Y, text, view.Style(Role.Dim), area.Right);
            return;
        }
        int sel = Math.Max(0, rows.ToList().FindIndex(r => r.Key == pane.Selected));
        int labelWidth = Math.Clamp(rows.Max(r => r.IsDevice ? 0 : r.Label.Length), 1, 16);
        int start = ListWindow.Start(rows.Count, sel, area.Height);
        for (int i = start, y = area.Y; i < rows.Count && y < area.Bottom; i++, y++)
        {
            var r = rows[i];
            int style = ListRow.Begin(view, y, i == sel, r.IsDevice ? Role.Header : Role.Normal);
            string line = r.IsDevice
                ? $"{r.Title} — {r.Size}, seen {r.When}"
                : $"{(pane.Marked == r.DumpId ? "* " : "  ")}{Text.Fit(r.Title, 5)} {r.Date}  {Text.Fit(r.Grade, 2)} {Text.Cut(r.Label, labelWidth)} {r.Source}";
            Text.PutEllipsized(buf, area.X, y, line, style, area.Right);
        }
    }
}
