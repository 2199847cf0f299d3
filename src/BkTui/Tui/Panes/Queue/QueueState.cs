using System.Collections.Immutable;
using BkTui.Core.Jobs;
using BkTui.Tui.State;

namespace BkTui.Tui.Panes.Queue;

/// <summary>The latest snapshot of every job (by id) and the selected job id.</summary>
public sealed record QueueState
{
    public ImmutableSortedDictionary<long, JobSnapshot> Jobs { get; init; } = ImmutableSortedDictionary<long, JobSnapshot>.Empty;
    public long? Selected { get; init; }
    /// <summary>The user moved the selection: it stays where they put it; else it follows the running job (<see cref="QueuePane.Follow"/>).</summary>
    public bool SelectionHeld { get; init; }
    public bool Unicode { get; init; } = true;
    /// <summary>Flash jobs confirmed with 'y' that wait for the typed family of an image that names none (FamilyConsent).</summary>
    public IReadOnlyList<JobRequest>? AwaitingFamily { get; init; }
    /// <summary>What runs once BOOTLOADER is typed (a recovery, a custom write or erase into the bootloader).</summary>
    public BootloaderConsent? AwaitingBootloader { get; init; }
}

/// <summary>A write into the bootloader waiting for its typed word: what then runs, and what to call it.</summary>
public sealed record BootloaderConsent(AppAction OnConsent, string What);

public abstract record QueueAction : PaneAction
{
    public override string PaneId => QueuePane.PaneIdValue;
}

/// <summary>A job changed (from the engine's JobQueue.Changed, posted to the loop).</summary>
public sealed record QueueJobChanged(JobSnapshot Job, JobEventKind Kind = JobEventKind.State) : QueueAction;
public sealed record QueueLoaded(IReadOnlyList<JobSnapshot> Jobs) : QueueAction;
public sealed record QueueMove(int Delta) : QueueAction;
/// <summary>Add a recipe job to the marked (or selected) ports; recipes that write ask first.</summary>
public sealed record QueueAdd(Recipe Recipe) : QueueAction;
/// <summary>Jobs the user already confirmed (or that change nothing on the device).</summary>
public sealed record QueueEnqueue(IReadOnlyList<JobRequest> Requests) : QueueAction;
/// <summary>Confirmed flash jobs whose image names no family: ask the user to type the family (the engine's question).</summary>
public sealed record QueueAskFamily(IReadOnlyList<JobRequest> Requests, string Label, System.Collections.Immutable.ImmutableArray<Stake> Stakes = default) : QueueAction;
/// <summary>
/// Jobs a ':' line asked for (its own ports, not the marks): the same question as from a key.
/// <paramref name="Extra"/> says how the verb runs here when that differs from the shell.
/// </summary>
/// <summary>The flash question for a cached build, once the cache was looked at for each port's family.</summary>
public sealed record QueueAskWithBuilds(IReadOnlyList<JobRequest> Requests, bool Marks, System.Collections.Immutable.ImmutableArray<Stake> Extra,
    System.Collections.Immutable.ImmutableArray<CachedBuildCheck> Builds) : QueueAction;

/// <summary>What the cache holds for the family last seen on <see cref="Port"/>: the build's name, or null (none cached, or no family known).</summary>
public sealed record CachedBuildCheck(string Port, Core.Chips.ChipFamily? Family, string? Build);

public sealed record QueueAskFor(IReadOnlyList<JobRequest> Requests, System.Collections.Immutable.ImmutableArray<Stake> Extra = default) : QueueAction;
/// <summary>`:erase` (no job erases): the queue's question, then the CLI verb with these tokens.</summary>
public sealed record QueueAskErase(string[] Tokens, string Port, uint Start, uint Length, bool AllowBootloader, bool AllowRfErase = false) : QueueAction;
public sealed record QueueCancel : QueueAction;
public sealed record QueueRetry : QueueAction;
public sealed record QueueOpenLog : QueueAction;
/// <summary>Show the selected job whole: every step, the attention request, the error, the facts.</summary>
public sealed record QueueShowDetail : QueueAction;
