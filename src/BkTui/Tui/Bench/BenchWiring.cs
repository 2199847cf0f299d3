using BkTui.Core.Jobs;
using BkTui.Tui.Panes.Archive;
using BkTui.Tui.Panes.Log;
using BkTui.Tui.Panes.Ports;
using BkTui.Tui.Panes.Queue;
using BkTui.Tui.State;

namespace BkTui.Tui.Bench;

/// <summary>Connects an <see cref="IBench"/> to the loop: job events become pane actions, and the first loads.</summary>
public static class BenchWiring
{
    /// <summary>The actions that fill the panes at start (ports, archive, jobs already known).</summary>
    public static IEnumerable<AppAction> Initial(IBench bench) =>
        [new PortsRefresh(), new ArchiveRefresh(), new QueueLoaded(bench.Jobs())];

    /// <summary>Forwards every job event (raised on worker threads) to <paramref name="post"/>.</summary>
    public static void Attach(IBench bench, Action<AppAction> post) => bench.JobChanged += e =>
    {
        foreach (var a in ActionsFor(e)) post(a);
    };

    public static IEnumerable<AppAction> ActionsFor(JobEvent e)
    {
        if (e.Kind == JobEventKind.Log && e.Message is { } line)
        {
            yield return new LogAppend(new LogLine(DateTimeOffset.Now, LogLevel.Info, $"#{e.Job.Id} {ListWindowName(e.Job.Port)}: {line}"));
            yield break;
        }
        yield return new QueueJobChanged(e.Job, e.Kind);
        // Progress too: the Ports pane's JOB column shows the percentage (the events are throttled).
        if (e.Kind is JobEventKind.State or JobEventKind.Added or JobEventKind.Step or JobEventKind.Progress) yield return new PortsJobChanged(e.Job);
        // A finished job may have recorded the device on its adapter: LAST DEVICE follows without R.
        if (e.Kind == JobEventKind.State && e.Job.State.IsFinished()) yield return new PortsRefresh();
    }

    private static string ListWindowName(string port) => Panes.ListWindow.PortName(port);
}
