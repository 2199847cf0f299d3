namespace BkTui.Tui.State;

/// <summary>
/// Work with side effects requested by the reducer (open a file, run a verb, suspend...). Each
/// effect runs itself against an <see cref="EffectContext"/>, so a new pane adds effects without
/// touching the loop. Results come back as actions through <see cref="EffectContext.Post"/>.
/// </summary>
public abstract record Effect
{
    public abstract Task RunAsync(EffectContext context);
}

/// <summary>What an effect may touch.</summary>
public sealed class EffectContext(Action<AppAction> post, TuiServices services, CancellationToken cancellation)
{
    public void Post(AppAction action) => post(action);
    public TuiServices Services { get; } = services;
    public CancellationToken Cancellation { get; } = cancellation;
    /// <summary>Set by the loop: restore the terminal and stop the process (Ctrl-Z).</summary>
    public Action Suspend { get; init; } = () => { };
    /// <summary>Set by the loop: forget the screen and repaint everything.</summary>
    public Action Invalidate { get; init; } = () => { };
}

/// <summary>Services shared with panes and effects (the engine objects: archive, queue...), keyed by type.</summary>
public sealed class TuiServices
{
    private readonly Dictionary<Type, object> _items = new();

    public TuiServices Add<T>(T service) where T : class
    {
        _items[typeof(T)] = service;
        return this;
    }

    public T? Get<T>() where T : class => _items.TryGetValue(typeof(T), out var s) ? (T)s : null;
}

public sealed record SuspendEffect : Effect
{
    public override Task RunAsync(EffectContext context)
    {
        context.Suspend();
        return Task.CompletedTask;
    }
}

public sealed record InvalidateEffect : Effect
{
    public override Task RunAsync(EffectContext context)
    {
        context.Invalidate();
        return Task.CompletedTask;
    }
}

/// <summary>Disposes a resource the state no longer references (e.g. a replaced memory map).</summary>
public sealed record DisposeEffect(IDisposable Resource) : Effect
{
    public override Task RunAsync(EffectContext context)
    {
        Resource.Dispose();
        return Task.CompletedTask;
    }
}
