using System.Collections.Immutable;

namespace BkTui.Tui.State;

/// <summary>A reducer result: the new state plus effects for the loop to run (I/O stays out of the reducer).</summary>
public readonly record struct Transition(AppState State, ImmutableArray<Effect> Effects)
{
    public static implicit operator Transition(AppState state) => new(state, ImmutableArray<Effect>.Empty);

    public Transition With(params Effect[] more) => new(State, Effects.IsDefault ? [.. more] : Effects.AddRange(more));

    public ImmutableArray<Effect> EffectsOrEmpty => Effects.IsDefault ? ImmutableArray<Effect>.Empty : Effects;
}
