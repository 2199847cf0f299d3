using BkTui.Tui.State;

namespace BkTui.Tui.Panes.Log;

/// <summary>Base of the log pane's actions.</summary>
public abstract record LogAction : PaneAction
{
    public override string PaneId => LogPane.PaneIdValue;
}

/// <summary>Adds a line to the log (jobs, the engine, ':' verbs, the app).</summary>
public sealed record LogAppend(LogLine Line) : LogAction;

/// <summary>Scrolls by lines (positive = back in time); <see cref="int.MaxValue"/> = to the top.</summary>
public sealed record LogScroll(int Lines) : LogAction;

/// <summary>A screenful back in time (+1) or forward (-1), keeping one line of the last screen in view.</summary>
public sealed record LogPage(int Direction) : LogAction;

/// <summary>Back to the end, following new lines.</summary>
public sealed record LogFollow : LogAction;

/// <summary>Next (+1) or previous (-1) line matching the last search.</summary>
public sealed record LogFindNext(int Direction) : LogAction;

/// <summary>Shows every line again (drops the filter).</summary>
public sealed record LogClearFilter : LogAction;
