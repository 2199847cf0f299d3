namespace BkTui.Core.Jobs;

/// <summary>
/// One reported step of a recipe. <see cref="Run"/> returns a short detail for the UI ("read 412 KiB,
/// 28 blocks unchanged") or null. Steps must be safe to re-run after a link retry (reads are; writes
/// skip sectors that already match).
/// </summary>
public sealed record JobStep(string Name, Func<JobContext, string?> Run)
{
    /// <summary>A step the runner may repeat after reconnecting when the link fails transiently.</summary>
    public bool Retryable { get; init; } = true;

    /// <summary>False for a step that only judges what earlier steps learned (it must not relink a rebooted chip).</summary>
    public bool NeedsChip { get; init; } = true;
}
