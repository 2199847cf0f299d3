using BkTui.Tui.Canvas;
using BkTui.Tui.Keys;
using BkTui.Tui.Panes;
using BkTui.Tui.Render;
using BkTui.Tui.State;

namespace BkTui.Tui.Loop;

/// <summary>
/// The assembled app without any terminal: panes, keymap, reducer, renderer and the current state.
/// The loop drives it with real events; tests drive it with actions and read the screen.
/// </summary>
public sealed class TuiApp
{
    public TuiApp(TuiOptions options, int width, int height)
    {
        Options = options;
        Panes = options.Panes ?? PaneCatalog.Create();
        Keymap = Keymap.Build(Panes, options.ReadOnly);
        Reducer = new AppReducer(Panes, Keymap);
        Renderer = new AppRenderer(new RenderKit(Theme.For(options.Color), options.Unicode, Keymap, Panes));
        Buffer = new ScreenBuffer(width, height);
        State = Reducer.Initial(options, width, height);
        if (options.HexFile is not null) State = State with { Focus = Math.Max(0, State.PaneOrder.IndexOf(global::BkTui.Tui.Panes.Hex.HexPane.PaneIdValue)) };
    }

    public TuiOptions Options { get; }
    public IReadOnlyList<IPane> Panes { get; }
    public Keymap Keymap { get; }
    public AppReducer Reducer { get; }
    public AppRenderer Renderer { get; }
    public ScreenBuffer Buffer { get; }
    public AppState State { get; private set; }

    /// <summary>Applies one action; returns the effects to run.</summary>
    public IReadOnlyList<Effect> Dispatch(AppAction action)
    {
        var t = Reducer.Reduce(State, action);
        State = t.State;
        return t.EffectsOrEmpty;
    }

    /// <summary>Composes the frame for the current state (resizing the buffer if needed).</summary>
    public ScreenBuffer Compose()
    {
        if (Buffer.Width != State.Width || Buffer.Height != State.Height) Buffer.Resize(State.Width, State.Height);
        Renderer.Render(State, Buffer);
        return Buffer;
    }
}
