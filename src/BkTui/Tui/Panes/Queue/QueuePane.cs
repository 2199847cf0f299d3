using System.Collections.Immutable;
using BkTui.Core.Jobs;
using BkTui.Tui.Canvas;
using BkTui.Tui.Bench;
using BkTui.Tui.Keys;
using BkTui.Tui.Panes.Archive;
using BkTui.Tui.Panes.Log;
using BkTui.Tui.Panes.Ports;
using BkTui.Tui.Render;
using BkTui.Tui.State;
using BkTui.Tui.ViewModels;
using static BkTui.Tui.Keys.K;

namespace BkTui.Tui.Panes.Queue;

/// <summary>
/// Jobs per port with state, step, progress bar, speed, ETA and retries; add a recipe job to the
/// marked/selected ports, cancel, retry, open the job's log. Recipes that write ask first, naming
/// the ports and what gets written, and are absent in --read-only.
/// </summary>
public sealed partial class QueuePane : Pane<QueueState>
{
    public const string PaneIdValue = "queue";
    public const string FirmwarePurpose = "firmware";
    public const string FamilyPurpose = "family-consent";
    public const string BootloaderPurpose = "bootloader-consent";
    public const string BootloaderWord = "BOOTLOADER";

    public override string Id => PaneIdValue;
    public override string Title => "Queue";

    public override IEnumerable<Binding> Keys =>
    [
        .. ListKeys.Rows(Id, d => new QueueMove(d), "job"),
        .. JobKeys.For(Id),
        new(Id, [C('x')], new QueueCancel(), "Cancel") { ShowInBar = true, Order = 2 },
        new(Id, [C('r')], new QueueRetry(), "Retry") { ShowInBar = true, Order = 3 },
        new(Id, [Of(KeyCode.Enter)], new QueueShowDetail(), "The job in full (steps, messages, facts)") { ShowInBar = true, Order = 4, Hint = "Detail" },
        new(Id, [C('L')], new QueueOpenLog(), "The job's log file") { ShowInBar = true, Order = 5, Hint = "Log" },
    ];

    protected override QueueState Initial(TuiOptions options) => new() { Unicode = options.Unicode };

    protected override string Status(QueueState pane)
    {
        int active = pane.Jobs.Values.Count(j => j.State.IsActive()), waiting = pane.Jobs.Values.Count(j => j.State == JobState.Queued),
            failed = pane.Jobs.Values.Count(j => j.State == JobState.Failed);
        // Only the counts that are not zero: the title fits a 36-column tile.
        if (pane.Jobs.Count == 0) return "no jobs";
        return string.Join(", ", new[]
        {
            Humane.Count(pane.Jobs.Count, "job"), active > 0 ? $"{active} running" : null, waiting > 0 ? $"{waiting} waiting" : null, failed > 0 ? $"{failed} failed" : null,
        }.Where(p => p is not null));
    }

    protected override Transition Reduce(AppState app, QueueState pane, PaneAction action, Rect area)
    {
        var selected = pane.Selected is { } id && pane.Jobs.TryGetValue(id, out var sj) ? sj : null;
        switch (action)
        {
            case QueueLoaded l:
                // New jobs (queued by the user, or the bench's at start) are followed again.
                var all = pane with { Jobs = pane.Jobs.SetItems(l.Jobs.Select(j => KeyValuePair.Create(j.Id, j))), SelectionHeld = false };
                return Counted(app, Follow(all, l.Jobs.Count > 0 ? l.Jobs[^1].Id : null));
            case QueueJobChanged c:
                return OnJobChanged(app, pane, c);
            case QueueMove m:
                var ids = Ordered(pane).Select(j => j.Id).ToList();
                int i = ListWindow.Step(ids.Count, pane.Selected is { } s ? ids.IndexOf(s) : 0, m.Delta);
                return i < 0 ? app : With(app, pane with { Selected = ids[i], SelectionHeld = true });
            case QueueAdd { Recipe: Recipe.RestoreRf }:
                return AddRestoreRf(app);
            case QueueAdd a:
                return Add(app, a.Recipe, null);
            case PromptSubmitted { Purpose: RfMacPurpose } p:
                return AnswerRfMac(app, p.Text);
            case PromptSubmitted { Purpose: FirmwarePurpose } p:
                return string.IsNullOrWhiteSpace(p.Text) ? app : Add(app, Recipe.Flash, p.Text.Trim());
            case PromptSubmitted { Purpose: WifiPurpose } p:
                return string.IsNullOrWhiteSpace(p.Text) ? app : AddWifi(app, p.Text);
            case PromptSubmitted { Purpose: CustomPurpose } p:
                return string.IsNullOrWhiteSpace(p.Text) ? app : AddCustom(app, p.Text);
            case QueueEnqueue e:
                return Queued(app, e.Requests);
            case QueueAskFamily ask:
                // Typed, never a y: the same stakes as the question before it, and the question whole in the dialog.
                return With(app, pane with { AwaitingFamily = ask.Requests }) with
                {
                    Overlay = new PromptOverlay(Id, FamilyPurpose, ask.Label, "") { Title = "Which family is it built for?", Stakes = ask.Stakes.IsDefault ? [] : ask.Stakes },
                };
            case PromptSubmitted { Purpose: FamilyPurpose } p:
                return AnswerFamily(app, pane, p.Text);
            case QueueAskWithBuilds ask:
                return Ask(app, ask.Requests, ask.Marks, ask.Extra, ask.Builds);
            case QueueAskFor ask:
                return Ask(app, ask.Requests, marks: false, ask.Extra.IsDefault ? [] : ask.Extra);
            case QueueAskErase erase when app.ReadOnly:
                return AppReducer.FlashLogged(app, "read-only mode: erase is disabled");
            case QueueAskErase erase:
                return AskErase(app, erase);
            case PromptSubmitted { Purpose: BootloaderPurpose } p:
                return AnswerBootloader(app, pane, p.Text);
            case QueueCancel when selected is null || selected.State.IsFinished():
                return AppReducer.Flash(app, "nothing to cancel: select a waiting or running job", FlashLevel.Warning);
            case QueueCancel when HalfWritten.WritingNow(selected):
                return StopWriteDialog.Ask(app, selected);
            case QueueCancel:
                return Reduce(app, pane, new QueueStop(selected.Id), area);
            case QueueStop stop:
                return new Transition(app, [new BenchEffect("cancel", (b, _) => [new ShowFlash(b.Cancel(stop.JobId) ? $"job #{stop.JobId}: stopping at the next safe point" : $"job #{stop.JobId} already finished")])]);
            case QueueRetry when selected is null || !selected.State.IsFinished() || selected.State == JobState.Done && selected.Recipe != Recipe.Backup:
                return AppReducer.Flash(app, "select a failed, cancelled or interrupted job (or a finished backup) to retry", FlashLevel.Warning);
            case QueueRetry:
                return new Transition(app, [new BenchEffect("retry", (b, _) => [new ShowFlash($"job #{b.Retry(selected.Id).Id} queued (retry of #{selected.Id})")])]);
            case QueueShowDetail when selected is null:
                return AppReducer.Flash(app, "no job selected", FlashLevel.Warning);
            case QueueShowDetail:
                return app with { Overlay = new DetailOverlay(JobDetail.Title(selected), [.. JobDetail.Lines(selected)]) };
            case PaneClicked click:
                var jobs = Ordered(pane).ToList();
                var hit = QueueLayout.Of(pane, jobs, area).Lines.FirstOrDefault(l => l.Y == area.Y + click.Y, (Index: -1, Second: false, Y: -1));
                return hit.Index < 0 ? app : With(app, pane with { Selected = jobs[hit.Index].Id, SelectionHeld = true });
            case QueueOpenLog when selected?.LogPath is null:
                return AppReducer.Flash(app, "this job has no log file yet", FlashLevel.Warning);
            case QueueOpenLog:
                return new Transition(app, [OpenLog(selected.Id, selected.LogPath!)]);
            default:
                return app;
        }
    }

    private Transition OnJobChanged(AppState app, QueueState pane, QueueJobChanged c)
    {
        var before = pane.Jobs.TryGetValue(c.Job.Id, out var b) ? b : null;
        var next = Follow(pane with { Jobs = pane.Jobs.SetItem(c.Job.Id, c.Job) }, c.Job.Id);
        var t = new Transition(Counted(app, next), ImmutableArray<Effect>.Empty);
        // Needs-attention (reset the device now) rings the bell once per request.
        if (c.Job.State == JobState.NeedsAttention && (before?.State != JobState.NeedsAttention || c.Kind == JobEventKind.Attention))
            t = new Transition(AppReducer.Flash(t.State, $"{ListWindow.PortName(c.Job.Port)}: {c.Job.Attention ?? "the job needs you"}", FlashLevel.Warning), [new BellEffect()]);
        if (before?.State.IsFinished() != true && c.Job.State.IsFinished())
        {
            var word = c.Job.BootUnproven ? "done, but the boot is NOT proven" : c.Job.State == JobState.Done ? "done" : c.Job.State.Word();
            var level = c.Job.BootUnproven ? FlashLevel.Warning : c.Job.State == JobState.Done ? FlashLevel.Info : FlashLevel.Error;
            var text = $"job #{c.Job.Id} {c.Job.Request.Title()} on {ListWindow.PortName(c.Job.Port)} {word}"
                + (c.Job.Reason is { } e ? $": {e}" : c.Job.BootUnproven ? $": {c.Job.Boot!.Message}" : c.Job.DumpId is { } d ? DumpWords(c.Job.Recipe, d) : "")
                + (c.Job.Error?.Contains(RestoreRfText.NoTrueMac, StringComparison.Ordinal) == true ? " — here: press F again, it asks for the MAC" : "");
            t = new Transition(AppReducer.Flash(t.State, text, level), t.EffectsOrEmpty);
            if (c.Job.DumpId is not null) t = t.With(ArchivePane.Load(), PortsPane.Load());
        }
        return t;
    }

    /// <summary>
    /// What the job's dump is to it: a backup archived it; a write relied on it as the device's factory
    /// dump (taken now or long before), and a restore wrote it back. "archived" for all three claimed
    /// a new dump where a flash archived none.
    /// </summary>
    private static string DumpWords(Recipe recipe, long dump) => recipe switch
    {
        Recipe.Backup => $": dump #{dump} archived",
        Recipe.RestoreFactory => $": dump #{dump} written back",
        _ => $": factory dump #{dump} kept",
    };

    /// <summary>
    /// Unless the user moved it, the selection (and with it the detail strip) follows the work: the
    /// running job (or the one waiting for the user), else <paramref name="changed"/> — a job that just
    /// finished stays selected with its result until the next one starts.
    /// </summary>
    internal static QueueState Follow(QueueState pane, long? changed)
    {
        if (pane.SelectionHeld && pane.Selected is { } held && pane.Jobs.ContainsKey(held)) return pane with { SelectionHeld = true };
        var running = Ordered(pane).FirstOrDefault(j => j.State.IsActive());
        var selected = running?.Id ?? (changed is { } id && pane.Jobs.ContainsKey(id) ? id : pane.Selected is { } s && pane.Jobs.ContainsKey(s) ? s : pane.Jobs.Keys.LastOrDefault());
        return pane with { Selected = pane.Jobs.IsEmpty ? null : selected, SelectionHeld = false };
    }

    /// <summary>Keeps the header's "n jobs running" (and q's question) in step with the queue.</summary>
    private AppState Counted(AppState app, QueueState pane) =>
        With(app, pane) with
        {
            JobsRunning = pane.Jobs.Values.Count(j => j.State.IsActive() || j.State == JobState.Queued),
            JobsWaiting = pane.Jobs.Values.Count(j => j.State == JobState.Queued),
        };

    /// <summary>Running jobs (and those waiting for the user) first, then the waiting ones in queue order, then finished ones, newest first.</summary>
    internal static IEnumerable<JobSnapshot> Ordered(QueueState pane) =>
        pane.Jobs.Values.OrderBy(j => j.State.IsActive() ? 0 : j.State == JobState.Queued ? 1 : 2).ThenBy(j => j.State.IsFinished() ? -j.Id : j.Id);

    private static BenchEffect Enqueue(IReadOnlyList<JobRequest> requests) => new("queueing", (b, _) =>
    {
        var ids = requests.Select(r => b.Enqueue(r)).ToList();
        return [new QueueLoaded(ids)];
    });

    private static BenchEffect OpenLog(long job, string path) => new("opening the log", (_, _) =>
    {
        // Read whole in the detail view: appended to the Log pane it repeated lines the Log already had.
        var lines = File.Exists(path) ? JobLogText.Lines(path, File.ReadLines(path)) : [$"{path} does not exist (yet)"];
        return [new ShowDetail($"Log of job #{job}", lines)];
    });
}
