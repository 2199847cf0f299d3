using System.Diagnostics;
using System.Threading.Channels;
using BkTui.Terminal.Input;
using BkTui.Terminal.Lifecycle;
using BkTui.Tui.Panes.Hex;
using BkTui.Tui.Panes.Log;
using BkTui.Tui.State;

namespace BkTui.Tui.Loop;

/// <summary>
/// The event loop: one channel of actions (keys, resize, ticks, engine events); the loop thread
/// owns the state and the screen. After an event it drains the queue, then draws at most once per
/// frame budget; a frame with no changes writes nothing.
/// </summary>
public sealed class TuiLoop
{
    public const int QueueCapacity = 16384;
    private static readonly TimeSpan TickInterval = TimeSpan.FromMilliseconds(250);

    private readonly Channel<AppAction> _events = Channel.CreateBounded<AppAction>(
        new BoundedChannelOptions(QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });
    private readonly TuiApp _app;
    private readonly TerminalSession _session;
    private readonly IInputSource _input;
    private readonly TuiServices _services;

    public TuiLoop(TuiApp app, TerminalSession session, IInputSource input, TuiServices services)
    {
        (_app, _session, _input, _services) = (app, session, input, services);
    }

    /// <summary>Posts an action from any thread (dropped if the queue is full: the UI never blocks a producer).</summary>
    public bool Post(AppAction action) => _events.Writer.TryWrite(action);

    /// <summary>Logs a line to the log pane from any thread.</summary>
    public void Log(string text, LogLevel level = LogLevel.Info) =>
        Post(new LogAppend(new LogLine(_app.Options.Clock(), level, text)));

    public async Task RunAsync(CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var effects = new EffectContext(a => Post(a), _services, cts.Token)
        {
            Suspend = _session.Suspend,
            Invalidate = _app.Buffer.Invalidate,
        };
        _session.Resized += () => { var (w, h) = TerminalSession.Size(); Post(new Resize(w, h)); };
        _session.Resumed += () => Post(new Redraw());
        _session.Terminating += _ => Post(new Quit(Force: true));
        _session.Enter();
        StartInput(cts.Token);
        using var ticks = new Timer(_ => Post(new Tick(_app.Options.Clock())), null, TickInterval, TickInterval);

        if (_app.Options.HexFile is { } file) Run(new HexOpenFile(file), effects);
        if (_app.Options.CompareFile is { } other) Run(new HexOpenFile(other, AsCompare: true), effects);
        DrainAndApply(effects);
        Draw();
        var first = DateTime.Now - Process.GetCurrentProcess().StartTime;
        Log($"first frame {first.TotalMilliseconds:F0} ms after process start ({_app.State.Width}×{_app.State.Height}, {_app.Options.Color})");

        var lastFrame = Stopwatch.StartNew();
        bool dirty = true;
        try
        {
            while (!_app.State.Quitting)
            {
                var wait = dirty ? _app.Options.FrameBudget - lastFrame.Elapsed : Timeout.InfiniteTimeSpan;
                if (!dirty || wait > TimeSpan.Zero)
                {
                    using var frameWait = CancellationTokenSource.CreateLinkedTokenSource(cts.Token);
                    if (dirty) frameWait.CancelAfter(wait);
                    try { await _events.Reader.WaitToReadAsync(frameWait.Token); }
                    catch (OperationCanceledException) when (!cts.IsCancellationRequested) { }
                }
                dirty |= DrainAndApply(effects);
                if (dirty && lastFrame.Elapsed >= _app.Options.FrameBudget && !_app.State.Quitting)
                {
                    Draw();
                    dirty = false;
                    lastFrame.Restart();
                }
            }
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested) { }
        finally
        {
            cts.Cancel();
            _session.Restore();
        }
    }

    private bool DrainAndApply(EffectContext effects)
    {
        bool changed = false;
        while (_events.Reader.TryRead(out var action))
        {
            var before = _app.State;
            Run(action, effects);
            changed |= !ReferenceEquals(before, _app.State) || action is Redraw;
        }
        return changed;
    }

    private void Run(AppAction action, EffectContext context)
    {
        foreach (var effect in _app.Dispatch(action)) _ = RunEffect(effect, context);
    }

    private async Task RunEffect(Effect effect, EffectContext context)
    {
        try { await effect.RunAsync(context); }
        catch (OperationCanceledException) { }
        catch (Exception e)
        {
            Post(new ShowFlash($"{effect.GetType().Name.Replace("Effect", "")} failed: {e.Message}", FlashLevel.Error));
            Log(e.ToString(), LogLevel.Error);
        }
    }

    private void Draw() => _session.Write(_app.Compose().EncodeDiff().Span);

    private void StartInput(CancellationToken ct)
    {
        var thread = new Thread(() =>
        {
            var reader = new KeyReader(_input);
            try
            {
                while (!ct.IsCancellationRequested) Post(new KeyPressed(reader.Read(ct)));
            }
            catch (OperationCanceledException) { }
            catch (EndOfStreamException) { Post(new Quit(Force: true)); }
        }) { IsBackground = true, Name = "bktui-input" };
        thread.Start();
    }
}
