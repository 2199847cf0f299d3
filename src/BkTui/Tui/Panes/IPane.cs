using BkTui.Tui.Canvas;
using BkTui.Tui.Keys;
using BkTui.Tui.State;

namespace BkTui.Tui.Panes;

/// <summary>
/// A pane: its own state (kept inside <see cref="AppState.Panes"/>), its keymap block, a reducer
/// for its <see cref="PaneAction"/>s, and a pure render into a rectangle. Derive from
/// <see cref="Pane{TState}"/> rather than implementing this directly.
/// </summary>
public interface IPane
{
    /// <summary>Stable id: keymap context, state key, PaneAction.PaneId.</summary>
    string Id { get; }

    /// <summary>Title shown with its jump number, e.g. "Hex".</summary>
    string Title { get; }

    /// <summary>This pane's keymap block (Context = <see cref="Id"/>).</summary>
    IEnumerable<Binding> Keys { get; }

    /// <summary>Label of the '/' prompt, or null when the pane has nothing to search.</summary>
    string? SearchLabel { get; }

    object CreateState(TuiOptions options);

    /// <summary>Handles a <see cref="PaneAction"/> addressed to this pane. <paramref name="area"/> is where it is (or would be) drawn.</summary>
    Transition Reduce(AppState state, PaneAction action, Rect area);

    /// <summary>Draws the pane body (below its title) from state only.</summary>
    void Render(PaneView view);

    /// <summary>Extra text for the pane's title line (position, file name...).</summary>
    string Status(AppState state);

    /// <summary>What Tab may complete <paramref name="text"/> to in this pane's prompt <paramref name="purpose"/>.</summary>
    IReadOnlyList<string> Completions(AppState state, string purpose, string text);

    /// <summary>The prompt's history as ↑ walks it (newest last), e.g. the entries that suit the target first.</summary>
    IReadOnlyList<string> History(AppState state, string purpose, IReadOnlyList<string> entries);
}

/// <summary>Everything a pane's render may use.</summary>
public sealed record PaneView(AppState State, ScreenBuffer Buffer, Rect Area, bool Focused, Render.RenderKit Kit)
{
    public int Style(Render.Role role) => Render.Theme.Id(role);
}

/// <summary>Typed base: state access and replacement by pane id.</summary>
public abstract class Pane<TState> : IPane where TState : class
{
    public abstract string Id { get; }
    public abstract string Title { get; }
    public abstract IEnumerable<Binding> Keys { get; }
    public virtual string? SearchLabel => null;

    public object CreateState(TuiOptions options) => Initial(options);

    public TState StateOf(AppState app) => (TState)app.Panes[Id];

    public AppState With(AppState app, TState pane) => app with { Panes = app.Panes.SetItem(Id, pane) };

    public Transition Reduce(AppState state, PaneAction action, Rect area) => Reduce(state, StateOf(state), action, area);

    public void Render(PaneView view) => Render(view, StateOf(view.State));

    public string Status(AppState state) => Status(state, StateOf(state));

    public IReadOnlyList<string> Completions(AppState state, string purpose, string text) => Completions(StateOf(state), purpose, text);

    public virtual IReadOnlyList<string> History(AppState state, string purpose, IReadOnlyList<string> entries) => entries;

    protected abstract TState Initial(TuiOptions options);
    protected abstract Transition Reduce(AppState app, TState pane, PaneAction action, Rect area);
    protected abstract void Render(PaneView view, TState pane);
    protected virtual string Status(AppState app, TState pane) => Status(pane);
    protected virtual string Status(TState pane) => "";
    protected virtual IReadOnlyList<string> Completions(TState pane, string purpose, string text) => [];
}
